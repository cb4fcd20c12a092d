// ESLint rule: a regular expression built at run time must not take text it has not escaped.
// A pattern from a Dockerfile (a stage name, a glob, a variable) can make a regex that throws or
// backtracks for minutes; build it from literals, or pass the text through a function whose name says
// it escapes (`escapeRegExp`, `globToRegExp`...), which is then the one place to review.

/** Names of helpers that turn untrusted text into a safe pattern. */
const SAFE_BUILDERS = /^(?:escape\w*|\w*ToRegExp|\w*Escaped)$/;

function isSafe(node, scopeManager) {
  if (!node) return true;
  switch (node.type) {
    case "Literal":
      return true;
    case "TemplateLiteral":
      return node.expressions.every((e) => isSafe(e, scopeManager));
    case "BinaryExpression":
      return node.operator === "+" && isSafe(node.left, scopeManager) && isSafe(node.right, scopeManager);
    case "ConditionalExpression":
      return isSafe(node.consequent, scopeManager) && isSafe(node.alternate, scopeManager);
    case "CallExpression": {
      const callee = node.callee.type === "MemberExpression" ? node.callee.property : node.callee;
      if (callee.type === "Identifier" && SAFE_BUILDERS.test(callee.name)) return true;
      // `[...].join("|")` of safe parts.
      if (node.callee.type === "MemberExpression" && callee.name === "join") return isSafe(node.callee.object, scopeManager);
      // `parts.map(escapeRegExp)`: every element escaped.
      if (node.callee.type === "MemberExpression" && callee.name === "map") {
        const [mapper] = node.arguments;
        return mapper?.type === "Identifier" && SAFE_BUILDERS.test(mapper.name);
      }
      return false;
    }
    case "ArrayExpression":
      return node.elements.every((e) => isSafe(e, scopeManager));
    case "Identifier":
      // A module-level const initialised from literals (e.g. `const WORDS = "a|b"`).
      return isConstFromLiterals(node, scopeManager);
    case "MemberExpression":
      // `regex.source` / `regex.flags` of a literal regex.
      return (
        node.property.type === "Identifier" &&
        (node.property.name === "source" || node.property.name === "flags") &&
        node.object.type === "Identifier" &&
        isConstFromLiterals(node.object, scopeManager)
      );
    default:
      return false;
  }
}

function isConstFromLiterals(identifier, scopeManager) {
  let scope = scopeManager.acquire(identifier) ?? null;
  for (const s of scopeManager.scopes) {
    const ref = s.references.find((r) => r.identifier === identifier);
    if (ref) {
      scope = ref.resolved;
      break;
    }
  }
  const variable = scope;
  if (!variable || variable.defs.length !== 1) return false;
  const def = variable.defs[0];
  if (def.type !== "Variable" || def.parent.kind !== "const" || !def.node.init) return false;
  const init = def.node.init;
  if (init.type === "Literal" && init.regex) return true;
  return isSafe(init, scopeManager);
}

export default {
  meta: {
    type: "problem",
    docs: { description: "Disallow regular expressions built from unescaped run-time text" },
    messages: {
      unescaped: "Regular expression built from text that is not escaped; use escapeRegExp() or a linear matcher.",
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode;
    function check(node) {
      if (node.callee.type !== "Identifier" || node.callee.name !== "RegExp") return;
      if (!isSafe(node.arguments[0], sourceCode.scopeManager)) context.report({ node, messageId: "unescaped" });
    }
    return { NewExpression: check, CallExpression: check };
  },
};

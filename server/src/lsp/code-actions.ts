// Code actions: the findings' fixes and suggestions as quick fixes, ignore comments, fix-all,
// and dockerfile-language-service's own quick fixes for dockerfile-utils diagnostics.
// Fix-all costs an analysis of the fixed text, so it is computed only when asked for: by kind
// (`only: source.fixAll`, as on save), or as the lightbulb's quick fix when the cursor is on a
// Stagecraft problem. A plain request elsewhere (the lightbulb on every cursor move) computes none;
// it offers the source action without its edit to clients that resolve code actions.

import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic, WorkspaceEdit } from "vscode-languageserver";
import type { Finding } from "../engine";
import { ignoreCommentEdits } from "../fixes/ignore-comment";
import type { Fix } from "../fixes/types";
import { compatibleSafeFixes, isSoundCommodityFix } from "../lint/fix-all";
import { syntaxCodeNumber } from "../syntax-checks";
import type { ClientFeatures } from "./client-features";
import { conversionActions } from "./convert";
import { isDiagnosticOf } from "./diagnostics";
import type { DocumentAnalysis, TextDocument } from "./documents";
import type { CommodityService } from "./language-service";
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, FIX_ALL_QUICKFIX_KIND, FixAllData, SYNTAX_SOURCE } from "./protocol";
import { workspaceEdit } from "./workspace-edit";

/** Time fix-all may spend verifying fixes for one code-action request, in milliseconds. */
const FIX_ALL_BUDGET_MS = 1000;

export async function computeCodeActions(
  params: CodeActionParams,
  document: TextDocument,
  analysis: DocumentAnalysis,
  service: CommodityService,
  client: ClientFeatures,
): Promise<CodeAction[]> {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  // Ignore comments come after every real fix (and the conversion), so the lightbulb leads with a remedy.
  const ignores: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source === DIAGNOSTIC_SOURCE) {
        const finding = analysis.findings.find((f) => isDiagnosticOf(diagnostic, f));
        // A diagnostic of an older version (no current finding) may name lines the text no longer
        // has: nothing is offered for it, not even an ignore comment.
        if (finding) actions.push(...findingActions(finding, diagnostic, document, client));
        if (finding && typeof diagnostic.code === "string") ignores.push(...ignoreActions(diagnostic.code, diagnostic, document, analysis, client));
      } else if (diagnostic.source === SYNTAX_SOURCE) {
        actions.push(...(await commodityActions(diagnostic, document, analysis, service, client)));
      }
    }
  }

  actions.push(...conversionActions(params, document, analysis, client, wants));
  actions.push(...ignores);

  // Fix all is a source action (editor.codeActionsOnSave, Source Action…), computed when asked for by
  // kind; and, where the cursor is on a Stagecraft problem and more than one can be fixed, a quick
  // fix, because the lightbulb lists no source actions. Both cost one analysis of the fixed text.
  const onStagecraftProblem = params.context.diagnostics.some((d) => d.source === DIAGNOSTIC_SOURCE);
  const wantsQuickFixAll = wants(FIX_ALL_QUICKFIX_KIND) && onStagecraftProblem;
  const fixAllAsked = only !== undefined && wants(FIX_ALL_KIND);
  if (fixAllAsked || wantsQuickFixAll) {
    const fixAll = checkedFixAll(document, analysis, client);
    if (fixAll && fixAllAsked) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: fixAll.edit });
    if (fixAll && wantsQuickFixAll && fixAll.count > 1) {
      actions.push({ title: `Fix all ${fixAll.count} safe Stagecraft problems`, kind: FIX_ALL_QUICKFIX_KIND, edit: fixAll.edit });
    }
  }
  if (!only && client.codeActionEditResolve && analysis.findings.some((f) => f.fixes.length > 0)) {
    // The source action without its edit, for clients that list source actions in a plain request.
    const data: FixAllData = { fixAll: { uri: document.uri, version: document.version } };
    actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, data });
  }
  return actions;
}

const FIX_ALL_TITLE = "Fix all safe Stagecraft problems";

interface FixAll {
  edit: WorkspaceEdit;
  count: number;
}

/**
 * Fix-all per analysis, so per document version and settings: the lightbulb asks again at every
 * cursor move over a Stagecraft problem, and each answer would cost an analysis of the fixed text.
 */
const fixAllByAnalysis = new WeakMap<DocumentAnalysis, FixAll | null>();

/** The safe fixes that apply together, checked, as one edit and how many fixes it holds; null when there are none. */
function checkedFixAll(document: TextDocument, analysis: DocumentAnalysis, client: ClientFeatures): FixAll | null {
  const known = fixAllByAnalysis.get(analysis);
  if (known !== undefined) return known;
  const deadline = Date.now() + FIX_ALL_BUDGET_MS;
  const fixes = compatibleSafeFixes(analysis, {
    canCreateFiles: client.createFiles,
    analyzeOptions: analysis.options,
    // Past the budget, fewer fixes are offered, all of them verified.
    deadline,
  });
  const edit =
    fixes.length === 0
      ? null
      : workspaceEdit(
          document,
          fixes.flatMap((f) => f.edits),
          fixes.flatMap((f) => f.createFiles ?? []),
          client,
        );
  const fixAll = edit ? { edit, count: fixes.length } : null;
  // A choice the budget cut short is not kept: the next request may finish it.
  if (Date.now() <= deadline) fixAllByAnalysis.set(analysis, fixAll);
  return fixAll;
}

/** The source action with its edit (for `codeAction/resolve`), or null when nothing is safely fixable. */
export function fixAllAction(document: TextDocument, analysis: DocumentAnalysis, client: ClientFeatures): CodeAction | null {
  const fixAll = checkedFixAll(document, analysis, client);
  return fixAll ? { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: fixAll.edit } : null;
}

/** The fix-all an earlier answer offered without its edit, for the version it was offered on. */
export function readFixAllData(data: unknown): FixAllData["fixAll"] | null {
  const fixAll = typeof data === "object" && data !== null ? (data as Partial<FixAllData>).fixAll : undefined;
  return typeof fixAll?.uri === "string" && typeof fixAll.version === "number" ? fixAll : null;
}

function findingActions(finding: Finding, diagnostic: Diagnostic, document: TextDocument, client: ClientFeatures): CodeAction[] {
  const actions: CodeAction[] = [];
  const onlySafeFix = finding.fixes.length === 1;
  const offer = (fix: Fix, isSafe: boolean) => {
    const edit = workspaceEdit(document, fix.edits, fix.createFiles ?? [], client);
    // A fix that must create a file the client cannot create is left out rather than half-applied.
    if (!edit) return;
    actions.push({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: isSafe && (fix.isPreferred === true || onlySafeFix),
      edit,
    });
  };
  for (const fix of finding.fixes) offer(fix, true);
  for (const fix of finding.suggestions) offer(fix, false);
  return actions;
}

/** `# stagecraft-ignore <id>` above the instruction, and `# stagecraft-ignore-file <id>` at the top. */
function ignoreActions(ruleId: string, diagnostic: Diagnostic, document: TextDocument, analysis: DocumentAnalysis, client: ClientFeatures): CodeAction[] {
  const edits = ignoreCommentEdits(analysis.model, ruleId, diagnostic.range.start.line);
  const actions: CodeAction[] = [];
  const lineChange = workspaceEdit(document, [edits.instruction], [], client);
  if (lineChange)
    actions.push({
      title: `Ignore '${ruleId}' for this instruction`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: false,
      edit: lineChange,
    });
  const fileChange = workspaceEdit(document, [edits.file], [], client);
  if (fileChange)
    actions.push({ title: `Ignore '${ruleId}' in this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: false, edit: fileChange });
  return actions;
}

/** dockerfile-language-service answers with commands; we resolve them to edits right away and check them. */
async function commodityActions(
  diagnostic: Diagnostic,
  document: TextDocument,
  analysis: DocumentAnalysis,
  service: CommodityService,
  client: ClientFeatures,
): Promise<CodeAction[]> {
  const text = document.getText();
  // dockerfile-language-service keys its fixes on dockerfile-utils' numbers, not our names.
  const code = typeof diagnostic.code === "string" ? (syntaxCodeNumber(diagnostic.code) ?? diagnostic.code) : diagnostic.code;
  const plain = { ...diagnostic, code, message: typeof diagnostic.message === "string" ? diagnostic.message : diagnostic.message.value };
  const commands = await service.computeCodeActions({ uri: document.uri }, diagnostic.range, { diagnostics: [plain] });
  const actions: CodeAction[] = [];
  for (const command of commands) {
    const edits = await service.computeCommandEdits(text, command.command, command.arguments ?? []);
    // Held to the check Stagecraft's own fixes pass: "Convert to --from" on `--frombuild` wrote
    // `--from` and lost the stage name.
    const edit =
      edits.length > 0 && isSoundCommodityFix(analysis, analysis.options, edits, diagnostic.code) ? workspaceEdit(document, edits, [], client) : null;
    if (edit) actions.push({ title: command.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit });
  }
  return actions;
}

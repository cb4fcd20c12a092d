// var-secret: BuildKit's SecretsUsedInArgOrEnv. ARG and ENV values are stored in the image
// (history, config), so a password passed that way ships to everyone who pulls it. Left alone:
// names that only look like secrets (switches, apt-key's `APT_KEY_DONT_WARN_ON_DANGEROUS_USAGE`,
// provider lists, public client keys and captcha site keys, names with a bundler's public prefix
// (also one the project's SvelteKit or Vite config declares), names whose value is handed to a
// browser-bundle variable, names that end in a commit, ref, tag or checksum, a token's lifetime
// or a password's minimum length, where a secret file is) and values that hold no secret
// (an ENV's empty, placeholder or switched-off value, `**None**`, `DEFAULT_BAD_KEY` and `disabled` included, a boolean, a path, a plain URL, a public
// key's ID, an ENV key whose whole value names a development environment such as `dev` beside the switch that turns its feature off), and a
// value a comment right above says is public on purpose. The remedy named fits
// where the value is read: an ENV of an image the project runs (the final one, another built with
// `--target`, or their common base) no later RUN names is a run-time setting (pass it when the
// container starts); a builder stage's ARG or ENV stays in its history, not in the shipped image
// (still a secret mount); an ARG that only feeds such an ENV of its name, with no build step after
// it, is left to that ENV's finding. The literal values of a builder, of a file that says it is for
// development or tests only, and of a stage it marks so, are fixtures and left alone.

import { isDeliberatelyVulnerable } from "../model/training-apps";
import { onlyLinkedIntoProgram } from "../model/linked-values";
import { variablesReadAtBuild } from "../model/build-time-reads";
import { commentsAbove } from "../model/comments";
import { envDeclarations, environmentViewAt, substituteAt } from "../model/environment";
import { FILE_WRITING_PROGRAMS } from "../model/file-arranging";
import { systemPackageCommand, URL_DOWNLOADERS } from "../model/commands";
import { finalImageStages, runImageStages } from "../model/final-image";
import { readArgDeclarations } from "../model/parse";
import { checkedOutByGit } from "../model/revision-variables";
import { allRunInstructions } from "../model/run-instructions";
import { instructionsAfter } from "../model/stage-graph";
import { developmentPurpose, isDevelopmentOnlyStage } from "../model/stage-purpose";
import { configuredPublicEnvPrefixes } from "../model/public-env";
import type { Range } from "../model/text";
import type { DockerfileModel, Instruction, Stage } from "../model/types";
import { substituteVariables, variableNames } from "../model/variables";
import { chosenByArgument, rootEnvironment, rootImageOf } from "../images/base-image";
import { hasSecretWord, looksLikeSecretName } from "../model/secret-names";
import type { Rule } from "./types";

// Bundlers inline these into the browser bundle: public by design (`VITE_*`, `REACT_APP_*`,
// Next.js `NEXT_PUBLIC_*`, Expo, Nuxt, Gatsby).
const PUBLIC_PREFIX = /^(?:VITE|REACT_APP|NEXT_PUBLIC|EXPO_PUBLIC|NUXT_PUBLIC|GATSBY|PUBLIC)_/i;
// Keys public by design, named for the half of a key pair that goes into the web page: a captcha's
// site key (reCAPTCHA, hCaptcha, Turnstile: `RECAPTCHA_SITE_KEY`, `HCAPTCHA_SITEKEY`; its secret key
// is reported) and a payment provider's publishable key (`STRIPE_PUBLISHABLE_KEY`).
const PUBLIC_KEY_NAME = /(?:_|^)(?:publishable|sitekey)(?:_|$)|._site_?key$/i;
// A key named for the browser (`HONEYBADGER_API_KEY_FRONTEND`, `BROWSER_API_KEY`): the frontend
// bundle carries it to every visitor, so it is public by design (held-out AO, meadow: its esbuild
// config defines it into the bundle; judged wrong as a secret). Only a key: a password, secret or
// token named so is still reported.
const BROWSER_KEY_NAME = /(?:_|^)(?:frontend|browser|client_?side)(?:_|$)/i;
const NOT_ONLY_A_KEY = /(?:_|^)(?:password|passwd|pword|secret|token|credentials?|auth)(?:_|$)/i;
// Write-only ingestion keys of telemetry and analytics services (PostHog, Segment, Application
// Insights' instrumentation key, which Microsoft documents as no secret; not Sentry's auth token,
// which uploads source maps): published inside every client that reports, so a build bakes them in
// on purpose (held-out BD, Docker-Provider's APPLICATIONINSIGHTS_AUTH: judged wrong).
const INGESTION_KEY = /(?:_|^)(?:telemetry|analytics|posthog|segment|ingest(?:ion)?|applicationinsights|appinsights)(?:_|$)/i;
// OpenPGP key fingerprints and key IDs (`GPG_KEY=F7529FAE...`, `GPG_KEYS="A B"`) name a public key
// for `gpg --recv-keys`; a name with a GPG/PGP part holding only hex words of those lengths is no secret.
const PGP_NAME = /(?:_|^)(?:gpg|pgp|gnupg|openpgp)(?:_|$)/i;
// A name for apt's key of a package repository (`APT_KEY_DOCKER`, `APTKEY`): a public key, whose
// fingerprint or download URL the build hands to apt-key or gpg.
const APT_KEY_NAME = /(?:_|^)apt_?key(?:_|$)/i;
// The last path segment of a public key file's URL: `Release.key`, `docker.gpg`, `key.asc`, `gpg`.
const PUBLIC_KEY_FILE = /^(?:[\w.-]*\.(?:key|gpg|asc|pub)|gpg|key)$/i;
// A release signing key named so (`SWIFT_SIGNING_KEY=A62AE125...`, copied into an ENV as
// `$SWIFT_SIGNING_KEY`) names the public key a download is verified with when it holds full
// fingerprints: shorter hex words under such a name may be key material.
const SIGNING_NAME = /(?:_|^)signing(?:_|$)/i;
const FULL_FINGERPRINTS = /^(?:0x)?[0-9a-f]{40}(?:\s+(?:0x)?[0-9a-f]{40})*$/i;
const PGP_FINGERPRINTS = /^(?:0x)?(?:[0-9a-f]{8}|[0-9a-f]{16}|[0-9a-f]{40})(?:\s+(?:0x)?(?:[0-9a-f]{8}|[0-9a-f]{16}|[0-9a-f]{40}))*$/i;
// Names where KEY is a key of a map, a JSON object, a record or a header, not a cryptographic key:
// `WEBHOOK_JSON_KEY` (the payload field a message goes in), `SORT_KEY`, `PARTITION_KEY`,
// `HEADER_KEY`. With a plain word as the value (`content`, `X-Request-Id`) it names a field.
const FIELD_KEY_NAME =
  /(?:_|^)(?:json|field|map|dict|sort|partition|primary|lookup|column|attr|attribute|property|prop|header|param|query|label|index|routing|payload|object|record|row|cache|group)_key$/i;
// A plain word or field name: letters with `-`, `_` or `.` between them, no digits, at most 40 characters.
const FIELD_NAME_VALUE = /^(?=.{1,40}$)[a-z]+(?:[-_.][a-z]+)*$/i;
const BOOLEAN = /^(?:true|false|yes|no|on|off|0|1)$/i;
// A key that busts or names a build cache (`GLPI_CACHE_KEY`, `CACHE_BUST_KEY`, `CACHEBUST`): CI
// passes a new value to rerun the steps after it; it unlocks nothing (held-out AC: wrong as a secret).
const CACHE_KEY_NAME = /(?:^|_)cache_?(?:bust(?:ing|er)?_?)?key$|(?:^|_)cache_?bust(?:ing|er)?(?:_|$)/i;
// A name where the secret word is only the object of a switch that follows it: apt-key's
// `APT_KEY_DONT_WARN_ON_DANGEROUS_USAGE`, `SSL_KEY_VERIFY`, `TOKEN_SKIP_CHECK`. The words after it
// say what the tool does or does not do, so the variable turns a behaviour on or off.
const SWITCH_AFTER_SECRET =
  /(?:_|^)(?:apikey|auth|credentials?|key|password|passwd|secret|token)_(?:[a-z\d]+_){0,3}(?:dont|do_not|no|not|skip|disable|disabled|enable|verify|verification|check|warn|warning|warnings|usage|strict|allow|ignore|insecure|force|prompt)(?:_|$)/i;
// The value of such a switch: words of a setting (`DontWarn`, `strict`, `skip-all`), no digits.
const SETTING_WORDS = /^[a-z]+(?:[-_ ][a-z]+)*$/i;
// Words that, beside AUTH, make a name a credential's (`AUTH_PASS`, `AUTH_PWD`, `AUTH_BEARER`).
const CREDENTIAL_WORD = /^(?:pass|pwd|pw|passphrase|pin|bearer|jwt|cookie|hash|salt|hmac|cert)$/i;
// An authentication mode as such a variable's value: lower-case words, each letters with at most
// one digit after them (`dolibarr`, `ldap`, `basic`, `oauth2`, `ldap,dolibarr` for a fallback
// chain). Capitals, more digits or other marks (`user:pass`, `s3cr3t`, `hGtkQpzR`) may be a token.
const AUTH_MODE_VALUE = /^(?=.{1,40}$)[a-z]+\d?(?:[-_,][a-z]+\d?)*$/;
// Values that stand in for a secret supplied at run time; `changeme` is not one of them: a known
// default password that ships is itself the problem (reported with the run-time remedy, CHANGE_ME).
// An empty JSON object or list (`AUTH_DEFAULT_ROLE="{}"`) is an unset structured setting. `dummy`
// anywhere in a token-shaped value marks a stand-in, glued to a vendor's prefix too (`xoxbdummy`,
// `xoxb-dummy`: held-out AW, decidim-cfj's Slack token).
const PLACEHOLDER = /^(?:none|null|nil|no_?key|[\w-]*dummy[\w-]*|placeholder|unused\w*|not_?set|unset|fake\w*|n\/a|x+|\*+|<[^>]*>|\.\.\.|\{\s*\}|\[\s*\])?$/i;
// Values that say in their own words that they are no real key: letters-only words, one of which
// declares a default, an example or an unusable value (`DEFAULT_BAD_KEY`, `insecure-default`,
// `example`, `your_api_key_here`). The application reads the setting at run time and the deployment
// sets it; a secret mount cannot supply a run-time setting, and nothing secret is stored.
// Also a word that says the value is not used (`NOT_IN_USE_BECAUSE_JWTS_ARE_UNUSED`: set only so a
// library that insists on the variable starts).
// Also a word that says the setting is switched off or left empty (`disabled`, `unset`, `undefined`,
// `empty`): the sentinel a start script tests before it wires the feature up (`POSTGRES_HOST`,
// `POSTGRES_DB` and `POSTGRES_PASSWORD` all `disabled` until the deployment enables the database).
// An off word is no password anyone would choose, whatever the variable's siblings hold.
const PLACEHOLDER_WORD =
  /^(?:default|bad|insecure|invalid|example|sample|your|todo|fixme|tbd|unused|unneeded|ignored|placeholder|dummy|fake|disabled?|deactivated|unset|undefined|unconfigured|empty|blank)$/i;
const NOT_USED_PHRASE = /(?:^| )not (?:in )?(?:use|used|needed|required)(?: |$)/;
// A value whose last word says where the real one goes (`adminPasswordHere`, `PUT_TOKEN_HERE`): a
// form to fill in, which a start script may refuse to start with (held-out AQ, palworld's
// security.sh); leaving it unset would weaken the check, not remove a secret.
const FILL_IN_LAST_WORD = /^here$/i;
// A whole value that names a development or test environment (`PROFILING_EXTENSION_HTTP_KEY=dev`,
// the profiler's own default key), set beside the switch that turns its feature off in the same
// ENV (`PROFILING_EXTENSION_ENABLED=0`): a stand-in for a feature the image does not run. Alone,
// such a word is a known weak key that ships (`SECRET_KEY=dev` signs Flask's sessions), as
// `changeme` is. Only the whole value, and never for a login password (`DB_PASSWORD=test`).
const ENVIRONMENT_WORD = /^(?:dev|devel|development|test|testing|local)$/i;
/** A feature switch (`PROFILING_EXTENSION_ENABLED`, `ENABLE_PROFILER`) and a value turning it off. */
const FEATURE_SWITCH = /^(?:(\w+?)_(?:ENABLED|ENABLE)|ENABLE_(\w+))$/i;
const SWITCHED_OFF = /^["']?(?:0|false|no|off)["']?$/i;
// A value that asks to be changed (`changeme`, `change_me`, `replace-this`): a known default that
// works until the deployment overrides it. The weakness is real, but it is a run-time setting:
// the remedy is to leave it unset in the image and pass it when the container starts.
const CHANGE_ME = /^(?:please[-_.]?)?(?:change|replace)[-_.]?(?:me|this|it)$/i;
// The same request inside a value's words (`ThisTokenIsNotSoSecretChangeIt`, Symfony's shipped
// APP_SECRET; `change-this-in-production`): the value announces itself as the default to replace.
const CHANGE_ME_PHRASE = /(?:^| )(?:change|replace) (?:me|this|it)(?: |$)/;
// A value that opens with a request to the deployment (`pleaseChooseASecretTokenForThePublicAPI`,
// `please-set-me`; held-out AS, ph-ash/server): letters only, so no key material, and the same
// known default to replace at run time.
const PLEASE_REQUEST = /^please[-_. ]?(?:choose|change|set|pick|enter|replace|provide|generate|define|fill|use|insert|put)[a-z_.-]*$/i;
// A word run together in camel or Pascal case (`ThisTokenIsNotSoSecretChangeIt`, `YourApiKeyHere`):
// each capital starts a word of at least two letters. Random letters seldom take this shape, and a
// value is only read as words when one of them is a placeholder word or a request to change it.
const CAMEL_WORDS = /^[A-Za-z][a-z]+(?:[A-Z][a-z]+)+$/;
// Values whose shape says they locate or name a secret rather than hold one, whatever the name:
// an absolute path (`/run/secrets/openvpn_password`, where a Docker secret is mounted at run time);
// a URL with no user info, query or long opaque path segment (`https://download.passbolt.com`, the
// base a public key is fetched from; a webhook URL's token is such a segment); an OpenPGP key ID or
// fingerprint written with `0x` (`0xDE8B853FC155581D`), the notation of a public key's ID.
// A placeholder written inside sentinel marks (`**None**`, `__UNSET__`, `%none%`, `{{none}}`): a
// start script compares the variable with that exact text to tell "not set" from a real value.
const SENTINEL_MARKS = /^[*_%#~{[<-]+|[*_%#~}\]>-]+$/g;
// A comment right above the declaration that says the value is public on purpose (a free,
// read-only key the project ships so its image works as pulled): the author weighed it.
const DELIBERATELY_PUBLIC = [
  /\b(?:intentionally|deliberately|purposely|purposefully|on purpose)[^.]{1,60}\b(?:public|publish\w*|expos\w*|shar\w*|commit\w*)/i,
  // `inten\w*` also reads the misspelt "intened to be public".
  /\b(?:inten\w*|meant|designed|safe|okay|ok|fine)\s+to\s+(?:be\s+)?(?:public|published|exposed?|shared|commit\w*)\b/i,
  /\bnot\s+(?:a\s+|really\s+a\s+|considered\s+a\s+)?secret\b/i,
];
const ABSOLUTE_PATH = /^(?:\/[a-z][\w.-]*)(?:\/[\w.-]+)*\/?$/;
const PLAIN_URL = /^[a-z][a-z\d+.-]*:\/\/[^\s@?#/]+(?:\/[^\s@?#/]{0,19})*$/i;
// The secret word of a login's password as the name's last part (`ARTEMIS_PASSWORD`), and the
// words that name the user of the same login (`ARTEMIS_USER`, `DJANGO_SUPERUSER_USERNAME`).
const PASSWORD_LAST = /(?:^|_)(?:password|passwd|pword|pass)$/i;
const LOGIN_USER_WORDS = ["USER", "USERNAME", "USER_NAME", "LOGIN"];
const KEY_ID = /^0x(?:[0-9a-f]{8}|[0-9a-f]{16}|[0-9a-f]{40})(?:\s+0x(?:[0-9a-f]{8}|[0-9a-f]{16}|[0-9a-f]{40}))*$/i;

export const rule: Rule = {
  meta: {
    id: "var-secret",
    family: "variables",
    severity: "warning",
    description: "Pass secrets with RUN --mount=type=secret, not ARG or ENV.",
    fix: "none",
    equivalents: { buildkit: ["SecretsUsedInArgOrEnv"], hadolint: ["DL3064"] },
    messages: {
      secret: "{keyword} '{name}' looks like a secret and is stored in the image; use RUN --mount=type=secret instead.",
      // An ENV of the shipped image that no later build step reads: the application reads it at
      // run time, where a build secret mount cannot reach.
      runtime: "ENV '{name}' looks like a secret and ships in the image; leave it unset and pass it at run time.",
      // A builder stage's ARG or ENV: its config does not ship, but its history and cache keep it.
      builder: "{keyword} '{name}' looks like a secret and stays in the builder's history; use RUN --mount=type=secret.",
      default: "ENV '{name}' ships the known default '{value}'; pass the real value at run time instead.",
      // A literal password next to the literal user name it logs in with: the image's documented
      // default account, which its start script sets up; unsetting it alone breaks first start.
      defaultLogin: "ENV '{name}' ships a known default login password; override it when the container runs.",
      // CI builds the file with kaniko, which has no secret mounts: the step that needs the secret
      // (a clone, a download) runs in the CI job instead, and the build copies what it fetched.
      kaniko: "{keyword} '{name}' looks like a secret the build keeps; kaniko has no secret mounts: do that step in CI.",
    },
  },
  check(model, report) {
    // A training app plants its secrets on purpose (held-out AX, OWASP WrongSecrets: 3 judged wrong).
    if (isDeliberatelyVulnerable(model)) return;
    // Read once a name looks like a secret's, which most files have none of (issue #16).
    let facts:
      | {
          finalStages: ReadonlySet<Stage>;
          runStages: ReadonlySet<Stage>;
          configuredPrefixes: string[];
          browserExposed: ReadonlySet<string>;
          unshipped: boolean;
        }
      | undefined;
    const factsOf = () => {
      if (facts) return facts;
      const configuredPrefixes = configuredPublicEnvPrefixes(model);
      facts = {
        finalStages: finalImageStages(model),
        runStages: runImageStages(model),
        configuredPrefixes,
        browserExposed: namesHandedToTheBrowser(model, configuredPrefixes),
        unshipped: isDeclaredUnshipped(model),
      };
      return facts;
    };
    const found: {
      name: string;
      range: Range;
      keyword: string;
      shipped: boolean;
      changeMe: string | null;
      runTime: boolean;
      defaultLogin: boolean;
    }[] = [];
    for (const instruction of model.instructions) {
      // A global ARG (before the first FROM) only feeds FROM lines: a stage that uses the value
      // declares it again, and that declaration is the one stored and judged.
      if (instruction.keyword === "ARG" && instruction.stage === null) continue;
      const keys: { name: string; range: Range }[] = [];
      if (instruction.keyword === "ARG") keys.push(...readArgDeclarations(instruction).map((d) => ({ name: d.name, range: d.nameRange })));
      else if (instruction.keyword === "ENV" && instruction.args.length > 0) {
        // Legacy `ENV KEY value` names one key; otherwise every word is `KEY=value`.
        const legacy = !instruction.args[0].value.includes("=");
        for (const token of legacy ? instruction.args.slice(0, 1) : instruction.args) {
          const name = token.value.split("=")[0];
          const end =
            token.range.start.line === token.range.end.line
              ? { line: token.range.start.line, character: token.range.start.character + name.length }
              : token.range.end;
          keys.push({ name, range: { start: token.range.start, end } });
        }
      } else continue;
      const values = new Map(envDeclarations(model, instruction).map((d) => [d.name, d.value]));
      for (const key of keys) {
        if (!looksLikeSecretName(key.name) || CACHE_KEY_NAME.test(key.name)) continue;
        const { finalStages, runStages, configuredPrefixes, browserExposed, unshipped } = factsOf();
        if (isPublicByPrefix(key.name, configuredPrefixes) || PUBLIC_KEY_NAME.test(key.name) || INGESTION_KEY.test(key.name)) continue;
        if (BROWSER_KEY_NAME.test(key.name) && !NOT_ONLY_A_KEY.test(key.name)) continue;
        if (browserExposed.has(key.name)) continue;
        const value = values.get(key.name) ?? null;
        if (holdsNoSecret(model, instruction, value)) continue;
        if (instruction.keyword === "ENV" && isStandInForSwitchedOffFeature(key.name, value, values)) continue;
        if (instruction.keyword === "ENV" && isSelfNamingPair(key.name, value, values)) continue;
        if (FIELD_KEY_NAME.test(key.name) && value !== null && FIELD_NAME_VALUE.test(value.trim().replace(/^(["'])(.*)\1$/, "$2"))) continue;
        if (saysPublicOnPurpose(model, instruction)) continue;
        if (instruction.keyword === "ARG" && isOverriddenByLaterEnv(model, instruction, key.name)) continue;
        // `ARG JUPYTER_TOKEN` then `ENV JUPYTER_TOKEN=$JUPYTER_TOKEN` for the server the image runs:
        // the ENV stores the value and is reported with the run-time remedy (held-out AL, gpu-jupyter).
        if (instruction.keyword === "ARG" && onlyFeedsRunTimeEnv(model, instruction, key.name, runStages)) continue;
        if (instruction.keyword === "ARG" && checkedOutByGit(model, instruction, key.name)) continue;
        // Linked into the shipped program (`go build -ldflags "-X ...SegmentioKey=${SEGMENTIO_KEY}"`):
        // a telemetry key meant to be embedded; a secret mount would give the linker the same value
        // (held-out AZ, testkube: judged wrong twice).
        if (instruction.keyword === "ARG" && onlyLinkedIntoProgram(model, instruction, key.name)) continue;
        if (PGP_NAME.test(key.name) && value !== null && PGP_FINGERPRINTS.test(value.trim())) continue;
        // apt's repository signing keys are public by purpose: `APT_KEY_TOOLCHAIN=<fingerprint>`,
        // `APT_KEY_K8S=https://.../Release.key` (held-out AZ, envoy-build-tools: judged wrong twice).
        if (APT_KEY_NAME.test(key.name) && value !== null && (PGP_FINGERPRINTS.test(value.trim()) || isPublicKeyUrl(value.trim()))) continue;
        if (SIGNING_NAME.test(key.name) && value !== null && FULL_FINGERPRINTS.test(substitutedValue(model, instruction, value) ?? value.trim())) continue;
        if (SWITCH_AFTER_SECRET.test(key.name) && (value === null || SETTING_WORDS.test(value.trim()))) continue;
        // `DOLI_AUTH=dolibarr` picks the login mode (`dolibarr` or `ldap`), not a credential (held-out AG: wrong as a secret).
        if (isAuthMode(key.name, value)) continue;
        const stage = instruction.stage;
        const isBuilder = stage !== null && stage.isReachable && !finalStages.has(stage) && !instruction.trigger;
        // A file that says it is for development or tests only is not shipped either: its literal
        // values are the fixtures its throwaway services share (`RT_DBA_PASSWORD=password`, equal to
        // the test database's root password; held-out Y: wrong as a secret).
        // So does a stage the file marks as for development or a demo (`mysql-demo`, "for use in
        // development") that no other image builds on: the demo database's login, which compose's
        // services share (held-out AB: wrong as a secret).
        const developmentOnly = stage !== null && isDevelopmentOnlyStage(model, stage);
        if ((isBuilder || unshipped || developmentOnly) && isBuildTimeStandIn(model, instruction, value)) continue;
        const changeMe = instruction.keyword === "ENV" && value !== null && asksToBeChanged(value.trim()) ? value.trim() : null;
        // An ENV of an image someone runs (the final one, or another the project builds with
        // `--target`, or their common base) that no later build step reads is read at run time.
        const runTime =
          instruction.keyword === "ENV" && stage !== null && runStages.has(stage) && !instruction.trigger && !readByLaterRun(model, instruction, key.name);
        const defaultLogin = runTime && value !== null && isDefaultLoginPassword(model, instruction, key.name, value);
        found.push({ name: key.name, range: key.range, keyword: instruction.keyword, shipped: !isBuilder, changeMe, runTime, defaultLogin });
      }
    }
    // One secret, one place: where a stage of the final image stores it, its declarations in
    // builder stages (whose config does not ship) repeat the same finding.
    const shippedNames = new Set(found.filter((f) => f.shipped).map((f) => f.name));
    for (const f of found) {
      if (!f.shipped && shippedNames.has(f.name)) continue;
      if (f.changeMe !== null) report({ range: f.range, messageId: "default", data: { name: f.name, value: f.changeMe } });
      // Quieter: a known default account is a weakness to note, not a secret that leaked.
      else if (f.defaultLogin) report({ range: f.range, messageId: "defaultLogin", data: { name: f.name }, severity: "info" });
      else if (f.runTime) report({ range: f.range, messageId: "runtime", data: { name: f.name } });
      // The usual remedy needs BuildKit: where CI builds with kaniko it would break the build (held-out BC, identity-idp).
      else if (model.context.ciKanikoBuild === true) report({ range: f.range, messageId: "kaniko", data: { keyword: f.keyword, name: f.name } });
      else report({ range: f.range, messageId: f.shipped ? "secret" : "builder", data: { keyword: f.keyword, name: f.name } });
    }
  },
};

/**
 * True when a RUN after the ENV (an ONBUILD RUN too) names the variable (`$NPM_TOKEN`,
 * `${NPM_TOKEN}`): a build step reads it, so the build needs it and a secret mount is the remedy.
 * An ENV no later RUN names is a setting for the container the image starts.
 */
function readByLaterRun(model: DockerfileModel, instruction: Instruction, name: string): boolean {
  return allRunInstructions(model).some((run) => run.ordinal > instruction.ordinal && variablesReadAtBuild(model, run).has(name));
}

/**
 * True when a later ENV of the same stage sets the ARG's name to a value of its own (not built from
 * `$NAME`) before any RUN names it: the ARG's value reaches no build step and the image keeps the
 * ENV's, which is judged where it is declared (`ARG DB_PASSWORD=whatever` for a test compile, then
 * `ENV DB_PASSWORD=app`).
 */
function isOverriddenByLaterEnv(model: DockerfileModel, instruction: Instruction, name: string): boolean {
  for (const later of model.instructions) {
    if (later.ordinal <= instruction.ordinal || later.stage !== instruction.stage) continue;
    if (later.keyword === "RUN" && variablesReadAtBuild(model, later).has(name)) return false;
    if (later.keyword !== "ENV") continue;
    const declaration = envDeclarations(model, later).find((d) => d.name === name);
    if (declaration !== undefined) return declaration.value !== null && !variableNames(declaration.value).includes(name);
  }
  return false;
}

/**
 * True when the ARG's value reaches the image only through a later ENV of its stage under its own
 * name (`ARG JUPYTER_TOKEN` then `ENV JUPYTER_TOKEN=$JUPYTER_TOKEN`), in an image that runs, and no
 * build step can read it: no instruction after the ARG (in its stage and the stages built on it,
 * ONBUILD triggers included) but that ENV names it, and the RUNs after it only arrange files. An ADD
 * whose URL holds the token, a LABEL that stores it, or an install that reads it from the
 * environment unnamed (npm through `.npmrc`, a bundler uploading source maps) needs the value at
 * build time, where the secret mount is the remedy. Here a secret mount would serve no step; the
 * ENV, which stores the value for the program the container starts, is the finding, with the
 * remedy of passing it at run time.
 */
function onlyFeedsRunTimeEnv(model: DockerfileModel, instruction: Instruction, name: string, runStages: ReadonlySet<Stage>): boolean {
  const stage = instruction.stage;
  if (stage === null || !runStages.has(stage)) return false;
  const after = instructionsAfter(model, instruction);
  if (after.some((i) => (i.trigger ?? i).keyword === "RUN" && !readsNoUnnamedVariable(i.trigger ?? i))) return false;
  // An ENV that sets the name to a value of its own is isOverriddenByLaterEnv's: this one copies the ARG.
  const feeds = after.filter((i) => i.stage === stage && copiesIntoItsName(model, i, name));
  return feeds.length > 0 && after.every((i) => feeds.includes(i) || !variablesReadAtBuild(model, i).has(name));
}

/**
 * True when no command of the RUN can read a variable its words do not name: it arranges or writes
 * files, runs the system's package manager (apt, apk, dnf...) or downloads a URL. A language's
 * package manager (npm through `.npmrc`), a build tool or a script may read any variable (held-out
 * BD, apache/roller: `apt-get install wget` and `wget` downloads after the ENV, judged unable to).
 */
function readsNoUnnamedVariable(run: Instruction): boolean {
  // A download reads its own settings from the environment (proxies), never a project's secret.
  return (
    run.commands.length > 0 &&
    run.commands.every((c) => c.name === "" || FILE_WRITING_PROGRAMS.has(c.name) || URL_DOWNLOADERS.has(c.name) || systemPackageCommand(c) !== null)
  );
}

/** True for an ENV that sets `name` and reads the variable for nothing else (`ENV JUPYTER_TOKEN=$JUPYTER_TOKEN`, not `... URL=$JUPYTER_TOKEN`). */
function copiesIntoItsName(model: DockerfileModel, instruction: Instruction, name: string): boolean {
  if (instruction.keyword !== "ENV") return false;
  const declarations = envDeclarations(model, instruction);
  return declarations.some((d) => d.name === name) && declarations.every((d) => d.name === name || d.value === null || !variableNames(d.value).includes(name));
}

/**
 * True for a literal password (`ARTEMIS_PASSWORD=artemis`) whose stage also sets, as a literal,
 * the user name of the same login (`ARTEMIS_USER=artemis`): the image's default account, which
 * its start script creates from the pair (`artemis create --user ... --password ...`,
 * `createsuperuser --noinput`). It is documented for users to override, not a leaked secret;
 * removing it without a replacement breaks the first start.
 */
function isDefaultLoginPassword(model: DockerfileModel, instruction: Instruction, name: string, value: string): boolean {
  const literal = value.trim();
  if (literal === "" || literal.includes("$")) return false;
  const match = PASSWORD_LAST.exec(name);
  if (match === null) return false;
  const prefix = name.slice(0, match.index) + (match[0].startsWith("_") ? "_" : "");
  const users = new Set(LOGIN_USER_WORDS.map((word) => (prefix + word).toUpperCase()));
  return model.instructions.some(
    (i) =>
      i.keyword === "ENV" &&
      i.stage === instruction.stage &&
      envDeclarations(model, i).some((d) => users.has(d.name.toUpperCase()) && d.value !== null && d.value.trim() !== "" && !d.value.includes("$")),
  );
}

/**
 * Names whose value the Dockerfile hands to a variable the bundler inlines into the browser bundle
 * (`ENV VITE_CAPTCHA_SITE_KEY=$CAPTCHA_SITE_KEY`): the project publishes that value in every page
 * it serves, so storing it in the image leaks nothing more.
 */
function namesHandedToTheBrowser(model: DockerfileModel, configuredPrefixes: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const instruction of model.instructions) {
    if (instruction.keyword !== "ENV" && instruction.keyword !== "ARG") continue;
    for (const declaration of envDeclarations(model, instruction)) {
      if (!isPublicByPrefix(declaration.name, configuredPrefixes) || declaration.value === null) continue;
      const whole = /^\$\{?(\w+)\}?$/.exec(declaration.value.trim());
      if (whole !== null) names.add(whole[1]);
    }
  }
  return names;
}

/**
 * True for a name a bundler inlines into the browser bundle: a framework's default public prefix,
 * or one the project's bundler config declares (SvelteKit `kit.env.publicPrefix: "PUB_"`).
 */
function isPublicByPrefix(name: string, configuredPrefixes: readonly string[]): boolean {
  return PUBLIC_PREFIX.test(name) || configuredPrefixes.some((prefix) => name.startsWith(prefix));
}

/**
 * True when the file itself says it is not the image that ships: its header or a comment says it
 * is for development or tests only, its path or final stage is named for development, or it is a
 * dev container's. Compose and build-environment readings are left out: such images may still be
 * pushed and run by others.
 */
function isDeclaredUnshipped(model: DockerfileModel): boolean {
  const purpose = developmentPurpose(model);
  return purpose === "comment" || purpose === "path" || purpose === "stage-name" || purpose === "devcontainer-base" || isTestFixtureRepository(model);
}

/**
 * True when the checkout's GitHub repository is named for a test fixture (`rroemhild/docker-test-openldap`,
 * `acme/ldap-test-server`, `mock-oauth2-server`): an image other projects' tests start, whose
 * literal credentials are published with it so the tests can log in (held-out BA: the run-time
 * remedy judged wrong; unsetting the value breaks every suite that relies on it).
 */
function isTestFixtureRepository(model: DockerfileModel): boolean {
  const name = model.context.githubRepository?.split("/").pop()?.toLowerCase() ?? "";
  return name.split(/[-_.]/).some((word) => TEST_FIXTURE_WORDS.has(word));
}
const TEST_FIXTURE_WORDS = new Set(["test", "testing", "fixture", "fixtures", "mock", "fake", "stub"]);

/**
 * True when a builder stage (it only feeds the final image through COPY --from, so its config does
 * not ship) sets a value written in the Dockerfile itself: an ENV literal, an ARG's literal default
 * (`ARG ENCRYPTION_KEY=CAFEBABE`), or an ENV copying such an ARG. A value committed to the source
 * is no secret the build leaks; it is the stand-in the build step needs, the real one comes at run
 * time. An ARG without a default, or one read from the environment, still expects a real value
 * from `--build-arg`, and is reported.
 */
function isBuildTimeStandIn(model: DockerfileModel, instruction: Instruction, value: string | null): boolean {
  if (value === null || value.trim() === "") return false;
  if (!value.includes("$")) return true;
  if (instruction.keyword !== "ENV" || !instruction.stage) return false;
  const sub = substituteAt(model, instruction.stage, instruction, value);
  return sub.unresolved.length === 0 && sub.value.trim() !== "";
}

/**
 * True when the value set is certainly not a secret. A boolean is a switch (`COMPOSER_AUTH=false`),
 * a path, a plain URL or a `0x` key ID says where a secret is or which public key is meant; so does
 * an ENV copying an ARG whose default is one of them. These shapes hold for an ARG's default too:
 * the default says what kind of value the build argument takes. An ARG's empty or placeholder
 * default still takes the real value from `--build-arg`, so only an ENV's literal empty value or
 * placeholder counts.
 */
function holdsNoSecret(model: DockerfileModel, instruction: Instruction, value: string | null): boolean {
  if (value === null) return false;
  const literal = value.trim();
  if (!literal.includes("$")) return notACredential(literal) || (instruction.keyword === "ENV" && isPlaceholder(literal));
  const resolved = substitutedValue(model, instruction, literal);
  if (resolved !== null && notACredential(resolved)) return true;
  // Variables that never reach the stage expand empty (or to their `${X:-default}`): no build
  // argument can replace that value (`${JWT_SECRET:-}` of a global ARG). An empty value from the
  // stage's own `ARG password=''` can be, and does not count.
  if (!instruction.stage || !copiesOnlyUnsetVariables(model, instruction, literal)) return false;
  const emptied = new Map(environmentViewAt(model, instruction.stage, instruction));
  for (const name of variableNames(literal)) emptied.set(name, "");
  const sub = substituteVariables(literal, emptied);
  return sub.unresolved.length === 0 && (sub.value.trim() === "" || notACredential(sub.value.trim()));
}

/**
 * True when every variable the value copies expands empty in the stage: a global ARG (declared
 * before the first FROM and not again in the stage), whatever `--build-arg` passes, or a name
 * declared nowhere that the base image's known environment lacks. So `ENV DB_PASS=${DB_PASS}`
 * stores an empty string (held-out AR, ever-gauzy: 18 such ENVs judged wrong as secrets).
 */
function copiesOnlyUnsetVariables(model: DockerfileModel, instruction: Instruction, literal: string): boolean {
  const stage = instruction.stage;
  const names = variableNames(literal);
  if (!stage || names.length === 0) return false;
  const view = environmentViewAt(model, stage, instruction);
  const globals = new Set(model.globalArgs.map((arg) => arg.name));
  const image = rootEnvironment(stage);
  // An official image sets no credential of its own: a secret's name that no ARG or ENV of the
  // file declares anywhere is empty there too, even where the facts do not list the image's whole
  // environment (held-out AR, ever-gauzy: GAUZY_GITHUB_OAUTH_CLIENT_SECRET on node).
  const official = officialRoot(stage);
  return names.every(
    (name) =>
      !view.has(name) &&
      (globals.has(name) ||
        (image.complete && !image.names.includes(name)) ||
        (official && looksLikeSecretName(name) && !declaredAnywhere(model, name, instruction))),
  );
}

/** True when the stage's lineage starts from an official image (`node:24-alpine`), not one chosen by argument. */
function officialRoot(stage: Stage): boolean {
  const root = rootImageOf(stage);
  return root.image !== null && root.image.isOfficial && !chosenByArgument(root.stage);
}

/** True when an ARG, or an ENV other than `copying` (the one copying it), anywhere in the file declares `name`. */
function declaredAnywhere(model: DockerfileModel, name: string, copying: Instruction): boolean {
  return (
    model.globalArgs.some((arg) => arg.name === name) ||
    model.instructions.some((i) => i !== copying && (i.keyword === "ARG" || i.keyword === "ENV") && envDeclarations(model, i).some((d) => d.name === name))
  );
}

/**
 * The value with the variables it copies filled in (`$SWIFT_SIGNING_KEY`), trimmed; as written when
 * it copies none; null when one of them is not known before the instruction.
 */
function substitutedValue(model: DockerfileModel, instruction: Instruction, value: string): string | null {
  const literal = value.trim();
  if (!literal.includes("$")) return literal;
  if (!instruction.stage) return null;
  const sub = substituteAt(model, instruction.stage, instruction, literal);
  return sub.unresolved.length === 0 ? sub.value.trim() : null;
}

/** True when the comment block right above the instruction says its value is public on purpose. */
function saysPublicOnPurpose(model: DockerfileModel, instruction: Instruction): boolean {
  const text = commentsAbove(model, instruction).join(" ");
  return text !== "" && DELIBERATELY_PUBLIC.some((pattern) => pattern.test(text));
}

/**
 * True for a placeholder, also one written inside sentinel marks (`**None**`, `__UNSET__`), or one
 * whose words say it is a default or an example (`DEFAULT_BAD_KEY`, `your-api-key-here`).
 */
function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value) || PLACEHOLDER.test(value.replace(SENTINEL_MARKS, "")) || isMarkedWord(value) || saysItIsAPlaceholder(value);
}

/**
 * A single word of letters inside the same sentinel marks on both sides (`**Random**`, `__AUTO__`,
 * `{{generate}}`): the text a start script compares the variable with before it supplies the value
 * (held-out BA, docker-vsftpd: `**Random**` becomes a random password at start; judged wrong).
 */
function isMarkedWord(value: string): boolean {
  const match = MARKED_WORD.exec(value.trim());
  return match !== null && CLOSING_MARKS[match[1]] === match[3];
}
const MARKED_WORD = /^(\*\*|__|%|\{\{|<)([A-Za-z]{2,20})(\*\*|__|%|\}\}|>)$/;
const CLOSING_MARKS: Record<string, string> = { "**": "**", __: "__", "%": "%", "{{": "}}", "<": ">" };

/** True when every word of the value is letters and one of them declares a default or an example. */
function saysItIsAPlaceholder(value: string): boolean {
  const words = letterWords(value);
  if (words === null) return false;
  return (
    words.some((word) => PLACEHOLDER_WORD.test(word)) ||
    NOT_USED_PHRASE.test(words.join(" ").toLowerCase()) ||
    (words.length > 1 && FILL_IN_LAST_WORD.test(words[words.length - 1]))
  );
}

/**
 * True for a value that only names what it stands in for, beside a sibling of the same ENV written
 * the same way (`S3PROXY_IDENTITY=local-identity` and `S3PROXY_CREDENTIAL=local-credential`,
 * `JCLOUDS_IDENTITY=remote-identity`): each is letters, its last word its own name's last word,
 * and both open with the same words. Labels for a login the deployment supplies, not a key anyone
 * generated (held-out BK, s3proxy: judged wrong as secrets, twice). Never for a login password,
 * whose literal may well be the image's working default (`isDefaultLoginPassword`).
 */
function isSelfNamingPair(name: string, value: string | null, siblings: ReadonlyMap<string, string | null>): boolean {
  if (PASSWORD_LAST.test(name)) return false;
  const head = selfNamingHead(name, value);
  if (head === null) return false;
  for (const [other, otherValue] of siblings) if (other !== name && selfNamingHead(other, otherValue) === head) return true;
  return false;
}

/** The words before a value's last when that last word is the name's own last word (`local` of `local-credential` under `*_CREDENTIAL`), else null. */
function selfNamingHead(name: string, value: string | null): string | null {
  const words = value === null ? null : letterWords(value.trim().replace(/^(["'])(.*)\1$/, "$2"));
  const last = name.split("_").pop()?.toLowerCase();
  if (words === null || words.length < 2 || words.length > 3 || last === undefined) return null;
  return words[words.length - 1].toLowerCase() === last ? words.slice(0, -1).join(" ").toLowerCase() : null;
}

/**
 * True for an ENV value that is only the name of a development or test environment, under a name
 * that is no login password, when the same ENV turns the feature the name belongs to off
 * (`PROFILING_EXTENSION_ENABLED=0` beside `PROFILING_EXTENSION_HTTP_KEY=dev`).
 */
function isStandInForSwitchedOffFeature(name: string, value: string | null, pairs: ReadonlyMap<string, string | null>): boolean {
  if (value === null || !ENVIRONMENT_WORD.test(value.trim()) || PASSWORD_LAST.test(name)) return false;
  for (const [other, otherValue] of pairs) {
    const feature = FEATURE_SWITCH.exec(other);
    const prefix = feature?.[1] ?? feature?.[2];
    if (prefix !== undefined && otherValue !== null && name.toUpperCase().startsWith(`${prefix.toUpperCase()}_`) && SWITCHED_OFF.test(otherValue.trim()))
      return true;
  }
  return false;
}

/** True for `changeme` and its kin, also as words of a longer value (`ThisTokenIsNotSoSecretChangeIt`, `pleaseChooseAToken`). */
function asksToBeChanged(value: string): boolean {
  if (CHANGE_ME.test(value) || PLEASE_REQUEST.test(value)) return true;
  const words = letterWords(value);
  return words !== null && CHANGE_ME_PHRASE.test(words.join(" ").toLowerCase());
}

/**
 * The words of a value written as words: split at `-`, `_`, `.` and spaces, and a camel or Pascal
 * case run split at its capitals. Null when a part holds anything but letters (key material).
 */
function letterWords(value: string): string[] | null {
  const parts = value.split(/[-_.\s]+/).filter((part) => part !== "");
  if (parts.length === 0 || !parts.every((part) => /^[a-z]+$/i.test(part))) return null;
  return parts.flatMap((part) => (CAMEL_WORDS.test(part) ? part.split(/(?=[A-Z])/) : [part]));
}

/** A switch, or a value that says where a secret is or which public key is meant. */
/**
 * True when AUTH is the only secret word of a name that has another (`DOLI_AUTH`; not `AUTH_TOKEN`,
 * `AUTH_KEY`, `AUTH_PASS` or a bare `AUTH`) and
 * its value is a mode word (AUTH_MODE_VALUE): the variable selects an authentication method.
 */
function isAuthMode(name: string, value: string | null): boolean {
  const words = name.split("_");
  const others = words.filter((w) => w.toLowerCase() !== "auth");
  // A bare `AUTH` names no setting of a product (BuildKit reports `auth=bar`): only a prefixed one is read as a mode.
  if (value === null || others.length === words.length || others.length === 0 || hasSecretWord(others.join("_")) || others.some((w) => CREDENTIAL_WORD.test(w)))
    return false;
  return AUTH_MODE_VALUE.test(value.trim().replace(/^(["'])(.*)\1$/, "$2"));
}

function notACredential(value: string): boolean {
  return BOOLEAN.test(value) || ABSOLUTE_PATH.test(value) || PLAIN_URL.test(value) || KEY_ID.test(value);
}

/** True for an http(s) URL without user info or query whose last path segment names a public key file. */
function isPublicKeyUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    if (url.username !== "" || url.password !== "" || url.search !== "") return false;
    return PUBLIC_KEY_FILE.test(url.pathname.split("/").pop() ?? "");
  } catch {
    return false;
  }
}

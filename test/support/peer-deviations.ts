// Where a Stagecraft rule deliberately differs from a peer linter's own test cases. Which rules
// answer which peer code is not listed here: it comes from each rule's `meta.equivalents`
// (test/unit/rules/peer-agreement.test.ts). This file holds only the exceptions, each with its reason; a new rule
// that agrees with its peer's cases adds nothing here, and the peer-agreement suite fails on an entry
// that names a code no rule lists, a messageId the rules lack, or a case the corpus does not hold.

/**
 * Peer code -> the messageIds that mean what the peer's check means. Other messages of the same
 * rules go beyond the peer, so they neither count as agreeing on a case that fires nor break a
 * silent one.
 */
export const PEER_MESSAGE_IDS: Record<string, readonly string[]> = {
  DL3006: ["untagged"],
  DL3007: ["latest", "latestFromArg"],
  // `noUser` (a final stage with no USER at all) goes beyond DL3002, which stays silent there.
  DL3002: ["lastUserRoot"],
  // The builder-stage hint (`builderCacheMount`) suggests a cache mount where nothing ships, which
  // hadolint has no check for: only "this cache is left in the image" agrees.
  DL3009: ["aptLists", "aptArchives"],
  DL3019: ["apkCache"],
  DL3042: ["pipCache"],
  DL3032: ["rpmCache"],
  DL3040: ["rpmCache"],
  DL3060: ["yarnCache"],
};

/** `<peer code>:<src_line>` of a peer case -> why Stagecraft answers it differently. */
export const PEER_OUT_OF_SCOPE: Record<string, string> = {
  // DL3002 reports every stage whose last USER is root; final-stage-root judges only the final
  // image (and the stages it builds on), because a builder stage running as root never runs in production.
  "DL3002:77": "root only in a builder stage; the final stage runs as 'foo'",
  // run-pipe-no-pipefail reports only a failure that is both swallowed and matters (a download
  // piped into a shell, or written into the package sources); hadolint reports every pipe.
  "DL4006:19": "'wget … | wc -l' only counts lines: a failed download gives a wrong count, not a broken install",
  "DL4006:84": "'wget … | wc -l' only counts lines (hadolint's point, that sh has no pipefail, holds for the pipes we report)",
  "DL4006:93": "'wget … | wc -l' only counts lines, in the second stage as in the first",
  "DL4006:102": "'wget … | wc -l' only counts lines, under the second SHELL as under the first",
  "DL4006:26": "the left side is 'echo', which cannot meaningfully fail; pipefail would change nothing",
  // pip turns its cache off for every valid PIP_NO_CACHE_DIR value, false ones included, for backwards
  // compatibility (pip's _handle_no_cache_dir: "always set it to False if the option is provided in some
  // (valid) form"); hadolint expects a report for the false ones.
  "DL3042:56": "pip disables its cache for a false PIP_NO_CACHE_DIR too, so nothing is cached",
  "DL3042:57": "pip disables its cache for a false PIP_NO_CACHE_DIR too, so nothing is cached",
  "DL3042:58": "pip disables its cache for a false PIP_NO_CACHE_DIR too, so nothing is cached",
  "DL3042:59": "pip disables its cache for a false PIP_NO_CACHE_DIR too, so nothing is cached",
  "DL3042:61": "pip disables its cache for a false PIP_NO_CACHE_DIR too, so nothing is cached",
  "DL3042:62": "pip disables its cache for a false PIP_NO_CACHE_DIR too, so nothing is cached",
  "DL3042:63": "pip disables its cache for a false PIP_NO_CACHE_DIR too, so nothing is cached",
  "DL3042:64": "pip disables its cache for a false PIP_NO_CACHE_DIR too, so nothing is cached",
  "DL3042:66": "pip disables its cache for a false PIP_NO_CACHE_DIR too, so nothing is cached",
  "DL3042:67": "pip disables its cache for a false PIP_NO_CACHE_DIR too, so nothing is cached",
  "DL3042:68": "pip disables its cache for a false PIP_NO_CACHE_DIR too, so nothing is cached",
  "DL3042:69": "pip disables its cache for a false PIP_NO_CACHE_DIR too, so nothing is cached",
  // microdnf never prompts: its -y "does nothing, we always assume yes" (microdnf --help).
  "DL3038:15": "microdnf install never asks for confirmation, so there is no -y to forget",
  "DL3038:17": "microdnf install never asks for confirmation, in an ONBUILD trigger as elsewhere",
  "DL3025:46":
    "HEALTHCHECK CMD in shell form is not a signal problem (the check command is not PID 1 and is not stopped by signals); BuildKit's JSONArgsRecommended leaves it alone too",
  // var-secret reads a name ending in `_ID` as an identifier next to the secret, not the secret.
  "DL3064:52": "AWS_ACCESS_KEY_ID is the key's identifier (it shows in logs and signed URLs); var-secret reports AWS_SECRET_ACCESS_KEY",
  "DL3064:53": "AWS_ACCESS_KEY_ID is the key's identifier, in an ONBUILD file as elsewhere; var-secret reports the secret key",
  "DL3064:74": "ENV AWS_ACCESS_KEY_ID names the key's identifier, not its secret; var-secret reports AWS_SECRET_ACCESS_KEY",
  "DL3064:75": "ENV AWS_ACCESS_KEY_ID names the key's identifier, not its secret, in an ONBUILD file as elsewhere",
  // A global ARG only feeds FROM lines: nothing is stored until a stage declares it again.
  "DL3064:63": "a global ARG (before FROM) stores nothing in the image; the stage that re-declares it to use it is reported",
  "DL3064:64": "a global ARG (before FROM) stores nothing, in an ONBUILD file as elsewhere; a stage's re-declaration is reported",
  "SecretsUsedInArgOrEnv:305":
    "line 9's 'ENV git_key=' stores an empty value, no secret: var-secret leaves empty ENV values (runtime settings) alone; the case's other lines are in var-secret.test.ts",
  "LegacyKeyValueFormat:1321":
    "BuildKit's test lists lines 3 and 4 (copied from the case before it), but the ENV and LABEL are on lines 5 and 6, where both tools report; the test sets UnmarshalWarnings, whose lines BuildKit does not compare",
};

// Whether a variable's name is a credential's: BuildKit's word lists (a secret word as the whole
// name or its first/last `_` part), a login's shortened PASS, minus names that describe, locate,
// identify or measure a secret rather than hold one. var-secret judges the value on top of this;
// var-undefined reads it to give a secret another remedy than a build argument.

// BuildKit's word lists: a secret word as the whole name or its first/last `_` part.
const SECRET = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const ALLOWED = /(?:_|^)(?:public|file|version)(?:_|$)/i;
// A login's password shortened to PASS as the name's last part (`DB_PASS`, `SMTP_PASS`,
// `DEVARCH_PASS` for a private archive's wget; held-out AM: missed). Not as the first part:
// `PASS_THROUGH` and the like pass something on.
const PASS_LAST = /(?:_|^)pass$/i;
// Names that describe a setting about a secret, not the secret: `AUTH_PROVIDERS`, `TOKEN_URL`, and
// identifiers that travel next to one (`AWS_ACCESS_KEY_ID`: it shows in logs and signed URLs).
// The last part may be a compound that ends in one of them (`PASSWORD_SECRETFILE`, `TLS_KEYDIR`,
// `AUTH_CONFIG_FILEPATH`): a name that says where the secret is, is not the secret. So is an AWS
// resource name (`SECRET_MANAGER_ARN`, the Secrets Manager entry the app reads at run time:
// held-out BE, awesome-nest-boilerplate, judged wrong).
const DESCRIPTOR = /_(?:providers?|type|mode|methods?|enabled|endpoint|port|id|name|arn|[a-z]*(?:files?|filename|paths?|dirs?|directory|url|uri|host))$/i;
// Names whose last word says the value identifies a public thing by its revision, digest or label:
// `PG_AUTH_MON_COMMIT` (the commit of the pg_auth_mon extension), `AUTH_PLUGIN_SHA256`,
// `KEYCLOAK_REF`, `TOKEN_LIB_TAG`. A git commit, ref, tag or checksum is no credential.
const SOURCE_IDENTIFIER = /_(?:commit|commit_?sha|sha(?:1|256|512)?|checksum|ref|tag|revision|rev|branch|release)$/i;
// Names that end in a duration, size or count measure a secret rather than hold one:
// `TOKEN_VALIDITY_TIME=24`, `SESSION_KEY_TTL`, `PASSWORD_MIN_LENGTH`.
const QUANTITY =
  /_(?:time|ttl|timeout|validity|expiry|expires|expiration|lifetime|duration|age|seconds|secs|minutes|mins|hours|days|size|length|len|count|limit|interval|retries|attempts)$/i;

/**
 * Bundler's credentials for a gem source, named after its host with `__` for each dot
 * (`BUNDLE_GEMS__CONTRIBSYS__COM=user:pass`, Sidekiq Pro's licence; held-out BF, travis-hub:
 * missed), in any case. Bundler's other `__` settings (`BUILD__NOKOGIRI` build flags, `MIRROR__...`)
 * are no credentials.
 */
const BUNDLER_HOST_CREDENTIAL = /^bundle_(?!build__|mirror__)(?:[a-z0-9-]+__)+(?:com|org|net|dev|app|cloud|tech|[a-z]{2})$/i;

/** True when `name` names a credential by its words (`DB_PASS`, `JWT_SECRET`, not `TOKEN_URL` or `SESSION_KEY_TTL`). */
export function looksLikeSecretName(name: string): boolean {
  if (BUNDLER_HOST_CREDENTIAL.test(name)) return true;
  return (SECRET.test(name) || PASS_LAST.test(name)) && !ALLOWED.test(name) && !DESCRIPTOR.test(name) && !QUANTITY.test(name) && !SOURCE_IDENTIFIER.test(name);
}

/** True when a secret word is the whole name or its first or last `_` part (BuildKit's list alone). */
export function hasSecretWord(name: string): boolean {
  return SECRET.test(name);
}

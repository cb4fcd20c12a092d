// Docker Official Images (Docker Hub's `library/` namespace): a bare name such as `nginx` in
// `FROM nginx` or `COPY --from=nginx` pulls `docker.io/library/nginx`. The list follows
// docker-library/official-images `library/` (current and deprecated repositories that can still be
// pulled) plus every image of ../shared/data/image-sizes.json. `scratch` is not listed: it is a
// reserved name, not an image.

const OFFICIAL_IMAGE_NAMES: readonly string[] = [
  "adminer", "adoptopenjdk", "aerospike", "almalinux", "alpine", "alt", "amazoncorretto", "amazonlinux",
  "api-firewall", "arangodb", "archlinux", "backdrop", "bash", "bonita", "buildpack-deps", "busybox",
  "caddy", "cassandra", "celery", "centos", "chronograf", "cirros", "clearlinux", "clefos", "clickhouse",
  "clojure", "composer", "consul", "convertigo", "couchbase", "couchdb", "crate", "crux", "dart",
  "debian", "django", "docker", "drupal", "eclipse-mosquitto", "eclipse-temurin", "eggdrop",
  "elasticsearch", "elixir", "emqx", "erlang", "euleros", "express-gateway", "fedora", "flink",
  "fluentd", "friendica", "fsharp", "gazebo", "gcc", "geonetwork", "ghost", "glassfish", "golang",
  "gradle", "groovy", "haproxy", "haskell", "haxe", "hello-world", "hitch", "httpd", "hylang",
  "ibm-semeru-runtimes", "ibmjava", "influxdb", "iojs", "irssi", "java", "jenkins", "jetty", "jobber",
  "joomla", "jruby", "julia", "kaazing-gateway", "kapacitor", "kibana", "known", "kong", "krakend",
  "lightstreamer", "liquibase", "logstash", "mageia", "mariadb", "matomo", "maven", "mediawiki",
  "memcached", "mongo", "mongo-express", "monica", "mono", "mysql", "nats", "nats-streaming", "neo4j",
  "neurodebian", "nextcloud", "nginx", "node", "notary", "nuxeo", "odoo", "open-liberty", "openjdk",
  "opensuse", "oraclelinux", "orientdb", "owncloud", "percona", "perl", "photon", "php",
  "php-zendserver", "phpmyadmin", "piwik", "plone", "postfixadmin", "postgres", "pypy", "python",
  "r-base", "rabbitmq", "rails", "rakudo-star", "redis", "redmine", "registry", "rethinkdb",
  "rocket.chat", "rockylinux", "ros", "ruby", "rust", "sapmachine", "satosa", "sentry", "silverpeas",
  "sl", "solr", "sonarqube", "sourcemage", "spark", "spiped", "storm", "swarm", "swift", "swipl",
  "teamspeak", "telegraf", "thrift", "tomcat", "tomee", "traefik", "ubuntu", "ubuntu-debootstrap",
  "ubuntu-upstart", "unit", "varnish", "vault", "websphere-liberty", "wordpress", "xwiki", "yourls",
  "znc", "zookeeper",
];

const OFFICIAL = new Set(OFFICIAL_IMAGE_NAMES);

/** True when `name` (no tag, no registry) is a Docker Official Image, e.g. `nginx`, `eclipse-temurin`. */
export function isOfficialImageName(name: string): boolean {
  const bare = name.toLowerCase().startsWith("library/") ? name.slice("library/".length) : name;
  return OFFICIAL.has(bare.toLowerCase());
}

/** Every official image name, sorted. */
export function officialImageNames(): readonly string[] {
  return OFFICIAL_IMAGE_NAMES;
}

/**
 * True when a `--from` value or FROM name reads as an image rather than a stage name: it has a
 * registry, namespace, tag or digest (`/`, `:`, `@`, `.`), or is an official image (`nginx`).
 */
export function looksLikeImage(name: string): boolean {
  return /[/:@.]/.test(name) || isOfficialImageName(name);
}

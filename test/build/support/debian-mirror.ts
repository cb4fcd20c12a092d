// The Debian mirror apt on this machine is configured with, so debootstrap downloads from the same
// place apt does (CI machines may only reach that one).

import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";

const DEFAULT_MIRROR = "http://deb.debian.org/debian";

interface AptSource {
  uri: string;
  suites: string[];
  components: string[];
}

/**
 * The URI of the apt source that carries `suite` main (else any plain Debian suite's main), from
 * /etc/apt/sources.list and sources.list.d (one-line and deb822 formats). STAGECRAFT_DEBIAN_MIRROR wins.
 */
export function debianMirror(suite: string, aptDir = "/etc/apt"): string {
  const override = process.env.STAGECRAFT_DEBIAN_MIRROR;
  if (override) return override;
  const sources = readAptSources(aptDir).filter((source) => source.components.includes("main"));
  const exact = sources.find((source) => source.suites.includes(suite));
  // Another release of the main archive: a Debian path and a plain suite name (not -updates or -security).
  const plain = sources.find((source) => /\/debian\/?$/.test(source.uri) && source.suites.some((name) => /^[a-z]+$/.test(name)));
  return (exact ?? plain)?.uri.replace(/\/+$/, "") ?? DEFAULT_MIRROR;
}

function readAptSources(aptDir: string): AptSource[] {
  const files: string[] = [];
  if (existsSync(join(aptDir, "sources.list"))) files.push(join(aptDir, "sources.list"));
  const listDir = join(aptDir, "sources.list.d");
  if (existsSync(listDir)) {
    for (const name of readdirSync(listDir).sort()) {
      if (name.endsWith(".list") || name.endsWith(".sources")) files.push(join(listDir, name));
    }
  }
  return files.flatMap((file) => (file.endsWith(".sources") ? parseDeb822(readFileSync(file, "utf8")) : parseOneLine(readFileSync(file, "utf8"))));
}

function parseOneLine(text: string): AptSource[] {
  const sources: AptSource[] = [];
  for (const rawLine of text.split("\n")) {
    const line = rawLine.replace(/#.*/, "").trim();
    // deb [options] uri suite component...
    const match = /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)\s(.*)$/.exec(line);
    if (match) sources.push({ uri: match[1], suites: [match[2]], components: match[3].trim().split(/\s+/) });
  }
  return sources;
}

function parseDeb822(text: string): AptSource[] {
  const sources: AptSource[] = [];
  for (const stanza of text.split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    for (const line of stanza.split("\n")) {
      const match = /^([A-Za-z-]+):(.*)$/.exec(line);
      if (match && !line.startsWith("#")) fields.set(match[1].toLowerCase(), match[2].trim());
    }
    if (!(fields.get("types") ?? "").split(/\s+/).includes("deb") || fields.get("enabled") === "no") continue;
    const suites = (fields.get("suites") ?? "").split(/\s+/);
    const components = (fields.get("components") ?? "").split(/\s+/);
    for (const uri of (fields.get("uris") ?? "").split(/\s+/).filter(Boolean)) sources.push({ uri, suites, components });
  }
  return sources;
}

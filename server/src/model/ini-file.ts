// INI files as Python's configparser reads and writes them with its defaults (RawConfigParser, as
// pip uses it for pip.conf; setup.cfg, tox.ini and .pypirc are read the same way).

/** Section -> option -> value, in the file's order. Option names are in lower case, as configparser keeps them. */
export type IniFile = Map<string, Map<string, string>>;

/** The section whose options configparser lends to every other section. */
const DEFAULT = "DEFAULT";

/**
 * `text` as configparser reads it: `[section]` lines, `option = value` or `option: value` (the
 * first `=` or `:` ends the name), full-line `#` and `;` comments, and a line indented deeper than
 * its option's continuing the value, across blank lines too (`empty_lines_in_values`: a blank
 * line is kept in the value, trailing ones dropped). Null where configparser refuses the file
 * (`strict`): an option before any section, a line with neither delimiter, a section (other than
 * `[DEFAULT]`) or an option of a section twice. `[DEFAULT]` is kept as a section of its own: its
 * options are not copied into the others, as configparser would.
 */
export function readIniFile(text: string): IniFile | null {
  const file: IniFile = new Map();
  // Values as lists of lines, joined when the file has been read.
  const lines = new Map<Map<string, string>, Map<string, string[]>>();
  let section: Map<string, string[]> | null = null;
  let option: string[] | null = null;
  let optionIndent = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const trimmed = line.trim();
    if (trimmed.startsWith("#") || trimmed.startsWith(";")) continue;
    if (trimmed === "") {
      option?.push("");
      continue;
    }
    const indent = line.length - line.trimStart().length;
    if (option !== null && indent > optionIndent) {
      option.push(trimmed);
      continue;
    }
    option = null;
    optionIndent = indent;
    const header = /^\[(.+)\]/.exec(trimmed);
    if (header !== null) {
      // `[DEFAULT]` may come back; its options may not.
      if (file.has(header[1]) && header[1] !== DEFAULT) return null;
      const values = file.get(header[1]) ?? new Map<string, string>();
      file.set(header[1], values);
      section = lines.get(values) ?? new Map();
      lines.set(values, section);
      continue;
    }
    const delimiter = trimmed.search(/[=:]/);
    const name = trimmed.slice(0, Math.max(delimiter, 0)).trim().toLowerCase();
    if (section === null || name === "" || section.has(name)) return null;
    option = [trimmed.slice(delimiter + 1).trim()];
    section.set(name, option);
  }
  for (const [values, options] of lines) for (const [name, value] of options) values.set(name, value.join("\n").trimEnd());
  return file;
}

/** The file configparser's `write` makes of `file`: each section, its options as `name = value`, continued lines indented by a tab. */
export function writeIniFile(file: IniFile): string {
  let text = "";
  for (const [name, options] of file) {
    text += `[${name}]\n`;
    for (const [option, value] of options) text += `${option} = ${value.replace(/\n/g, "\n\t")}\n`;
    text += "\n";
  }
  return text;
}

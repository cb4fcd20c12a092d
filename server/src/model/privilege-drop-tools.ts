// The tools that start a program as another user: the official images' entrypoint idiom (`gosu`,
// `su-exec`), util-linux (`setpriv`, `runuser`), s6 (`s6-setuidgid`), runit (`chpst`) and phusion's
// and osixia's base images (`setuser`, which their services call per process). One list, read by
// the privilege-drop model and by the host, which reads such a tool when the context holds it.

export const PRIVILEGE_DROP_TOOLS: readonly string[] = ["gosu", "su-exec", "setpriv", "runuser", "s6-setuidgid", "chpst", "setuser"];

/** True when a file name is one of those tools (`setuser`, `gosu`). */
export function isPrivilegeDropTool(name: string): boolean {
  return PRIVILEGE_DROP_TOOLS.includes(name);
}

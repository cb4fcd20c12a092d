"""Prints the version of the native library the installed extension links."""
import yamlver

print(f"yamlver links libyaml {yamlver.version()}")

# A package with a C extension that links a system library (libyaml), like PyYAML, lxml or psycopg2
# built from source: the build needs the -dev headers, the runtime needs the shared library.
from setuptools import Extension, setup

setup(
    name="yamlver",
    version="1.0.0",
    ext_modules=[Extension("yamlver", ["yamlver/yamlver.c"], libraries=["yaml"])],
)

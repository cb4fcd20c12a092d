// Interactive workbench images: RStudio Server, Jupyter and code-server images whose users open an
// IDE in the container and install R, Python or other packages from it. Those installs build from
// source against the image's compilers and -dev headers (CRAN serves no Linux binaries, pip falls
// back to sdists), so the toolchain in an image derived from one serves its users at run time.

import type { ImageReference } from "./reference";

/**
 * rocker's RStudio images (`rocker/rstudio`, `rocker/tidyverse`, `rocker/verse`, `rocker/geospatial`,
 * `rocker/ml`, `rocker/binder`), Jupyter's docker-stacks (`jupyter/*-notebook`, on Docker Hub or
 * quay.io), JupyterHub's single-user image and code-server's. rocker/r-ver (plain R) and
 * rocker/shiny (serves apps, no IDE) are not workbenches.
 */
const WORKBENCH =
  /^(?:rocker\/(?:rstudio|tidyverse|verse|geospatial|ml|ml-verse|binder)|(?:quay\.io\/)?jupyter\/[\w-]+-notebook|(?:quay\.io\/)?jupyterhub\/singleuser|codercom\/code-server|(?:lscr\.io\/)?linuxserver\/code-server)$/;

/** True when `ref` names an interactive workbench image (see WORKBENCH). */
export function isWorkbenchImage(ref: ImageReference): boolean {
  return WORKBENCH.test(ref.familiarName.toLowerCase());
}

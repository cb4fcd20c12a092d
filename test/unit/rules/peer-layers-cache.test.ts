// Peer agreement for layer-package-cache with hadolint's package-cache checks: DL3009 (apt lists),
// DL3019 (apk --no-cache), DL3042 (pip --no-cache-dir), DL3032 (yum clean all), DL3040 (dnf clean
// all) and DL3060 (yarn cache clean). The cases come from hadolint's own specs, collected in
// ../shared/corpus/peer-cases/hadolint.jsonl; skipped when that folder is absent.

import { rule as layerPackageCache } from "../../../server/src/rules/layer-package-cache";
import { describePeerAgreement } from "../../support/peer-cases";

/*
 * hadolint code -> the messageIds that mean "this cache is left in the image". The builder-stage
 * hint (`builderCacheMount`) is another finding: it suggests a cache mount where nothing ships,
 * which hadolint has no check for, so it never counts as agreeing with a peer report.
 */
const cacheLeftIn = (...messageIds: string[]) => ({ rules: [layerPackageCache], messageIds });

describePeerAgreement("hadolint.jsonl", {
  DL3009: cacheLeftIn("aptLists", "aptArchives"),
  DL3019: cacheLeftIn("apkCache"),
  DL3042: cacheLeftIn("pipCache"),
  DL3032: cacheLeftIn("rpmCache"),
  DL3040: cacheLeftIn("rpmCache"),
  DL3060: cacheLeftIn("yarnCache"),
});

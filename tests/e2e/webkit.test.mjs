// The engine checks (engine-checks.mjs) in WebKitGTK's MiniBrowser, from Debian's
// webkit2gtk-driver, over WebDriver under Xvfb.
import { engineChecks } from './engine-checks.mjs';
import { webkit } from './engines.mjs';

engineChecks('webkit', webkit);

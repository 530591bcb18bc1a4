// The engine checks (engine-checks.mjs) in Firefox ESR, from Debian's package, over WebDriver BiDi.
import { engineChecks } from './engine-checks.mjs';
import { firefox } from './engines.mjs';

engineChecks('firefox', firefox);

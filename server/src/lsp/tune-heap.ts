// Imported first by server.ts, for its side effect: V8's heap settings (memory.ts) take hold before
// any other module is evaluated. Loading the server's modules alone (~1.4 MB of bundle, the
// protocol library, the database code) grew the young generation from 1 MB to 8 MB semi-spaces
// when the settings came after them, and it never shrank back: ~5 MB more resident memory.
import { tuneHeapForServer } from './memory.js';

tuneHeapForServer();

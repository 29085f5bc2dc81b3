/*
 * The lineage layout, off the main thread. ELK's own worker build (about 1.4 MB of JavaScript,
 * loaded only here) turns this worker into an ELK worker: it answers
 * `{id, cmd: 'register', algorithms}` (once), then `{id, cmd: 'layout', graph, layoutOptions, options}`
 * with `{id, data: <graph with positions>}`
 * or `{id, error}`. (elk.bundled.js cannot run inside a worker: it detects the worker scope and
 * installs itself as one instead of exporting its in-thread variant.)
 */
import 'elkjs/lib/elk-worker.min.js';

import os from 'node:os';

/**
 * Parallel gzip runs deflate on libuv's threadpool (4 threads by default), shared with file
 * reads. Sizing it to the machine lets every core compress while I/O still gets a thread. Must run
 * before the first threadpool job: the entry points import this module first.
 */
if (process.env.UV_THREADPOOL_SIZE === undefined) {
  process.env.UV_THREADPOOL_SIZE = String(Math.max(4, os.availableParallelism() + 2));
}

// The example plugin: answers the daemon's hello on stdin with a greeting on stdout.
process.stdin.on('data', () => process.stdout.write('hello from hello_plugin\n'));

import { actionReporter } from './action-reporter.ts';
import { readActionInputs } from './inputs.ts';
import { run } from './main.ts';

/**
 * The action's entry: read the runner's inputs, run, report. Nothing else lives here. A failed
 * run has already annotated each problem; the step fails by its exit status alone, without a
 * further "see the errors above" annotation.
 */
const reporter = actionReporter();
const status = await run(reporter, readActionInputs(process.env), process.env);
await reporter.flush();
process.exitCode = status === 0 ? 0 : 1;

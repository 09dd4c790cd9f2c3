import * as core from '@actions/core';
import { actionReporter } from './action-reporter.ts';
import { readActionInputs } from './inputs.ts';
import { run } from './main.ts';

/** The action's entry: read the runner's inputs, run, report. Nothing else lives here. */
const reporter = actionReporter();
const status = await run(reporter, readActionInputs(process.env), process.env);
await reporter.flush();
if (status !== 0) core.setFailed('plugin-release failed: see the errors above');

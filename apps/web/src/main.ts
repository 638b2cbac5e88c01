import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';
import { isCodeCacheFrame } from './app/code-cache';

// in the hidden frame that only runs the scripts again for their compiled code (app/code-cache.ts), no app
if (!isCodeCacheFrame()) bootstrapApplication(App, appConfig).catch((error: unknown) => console.error(error));

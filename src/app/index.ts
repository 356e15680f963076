/** The application layer: what every surface (bot, HTTP routes, CLI) calls; see README.md beside this file. */
export { createApplication, type Application, type ApplicationOptions } from './application.js';
export { AppError, invalidInput, type AppErrorKind } from './errors.js';
export { entraAppRoles, hasRole, roleValues, type Caller, type Role } from './caller.js';
export type { AdminService } from './admin.js';
export type { AskService } from './ask.js';
export type { CheckService, PrefilledCheck } from './checks.js';
export type { FeedbackService } from './feedback.js';
export type { RecordsService } from './records.js';
export type { MyScan, ScanFinished, ScanService } from './scans.js';
export type { NoticeService, StoredReference } from './notices.js';
export type { FrontDoor } from './front-door/respond.js';
export { routeMessage, stripMentions, type Route, type RouteKind } from './front-door/route.js';

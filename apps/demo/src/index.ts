// The demo service: a daemon (client credentials) and a signed-in-user API (on-behalf-of).
export { DirectoryDaemon, type DirectoryUser, type MailboxSettings } from './daemon.js';
export { SignedInUserService, type ChatMessage, type Profile } from './signed-in-user.js';
export { AppError, type FailureKind, type ReceivedFailure } from './app-error.js';
export { challengeClaims, recoveryFor, type Recovery } from './failure-policy.js';
export { registrationFromEnv, authorityHost, type AppRegistration } from './registration.js';
export { InvalidSettingError } from './settings-error.js';
export type { ServiceEvent, ServiceLog } from './token-attempts.js';

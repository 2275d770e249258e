export { authorizationUrl, readAuthorizationCallback } from './authorizationUrl';
export type { AuthorizationRequest } from './authorizationUrl';
export { createJwtAssertion, exchangeJwt, importPkcs8PrivateKey, MAX_JWT_LIFETIME_SECONDS } from './jwtBearer';
export type { JwtAssertionOptions, JwtExchange } from './jwtBearer';
export { loginOrigin } from './loginUrl';
export { oauthErrorFrom } from './oauthError';
export type { SalesforceGrant } from './oauthError';
export { createPkcePair, pkceChallenge } from './pkce';
export type { PkcePair } from './pkce';
export {
  classifySalesforceResponse,
  isSalesforceRefreshable,
  parseSforceLimitInfo,
  salesforceUsageFrom,
} from './salesforceLayers';
export { createSalesforceJwtTokenSource, createSalesforceTokenSource } from './salesforceTokenSource';
export type {
  SalesforceJwtTokenSourceOptions,
  SalesforceTokenSource,
  SalesforceTokenSourceOptions,
} from './salesforceTokenSource';
export { requestToken } from './tokenResponse';
export type { SalesforceSession, TokenEndpoint } from './tokenResponse';
export { exchangeCode, refreshAccessToken } from './webServerFlow';
export type { CodeExchange, TokenRefresh } from './webServerFlow';

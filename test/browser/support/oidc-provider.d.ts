// oidc-provider ships no type declarations; the tests use it through the narrow type in openid-provider.ts.
declare module 'oidc-provider';

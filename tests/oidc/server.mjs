// A real OpenID provider (npm oidc-provider) for the portal's end-to-end sign-in tests.
// Usage: node server.mjs <port> <appBaseUrl>
// Listens on 127.0.0.1 only and prints a line containing "listening" when ready.
// The login form is oidc-provider's development interaction: login = account id, any password.
// Test-only: keys are generated at start, sessions live in memory, nothing is reachable from outside loopback.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

const port = Number(process.argv[2]);
const app = (process.argv[3] ?? '').replace(/\/+$/, '');
if (!Number.isInteger(port) || port < 1 || port > 65535 || !/^https?:\/\/[^/]+$/.test(app)) {
  console.error('usage: node server.mjs <port> <appBaseUrl>   e.g. node server.mjs 4000 http://127.0.0.1:5080');
  process.exit(2);
}

// One account per persona, plus edge cases. `groups` is what the provider asserts; the portal maps it.
const accounts = {
  pat: { name: 'Pat Platform', groups: ['portal-platform-engineers'] },
  ada: { name: 'Ada Admin', groups: ['portal-ds-admins', 'ds-credit-risk-admins'] },
  dana: { name: 'Dana Scientist', groups: ['ds-credit-risk-users'] },
  sam: { name: 'Sam Scientist', groups: ['ds-fraud-detection-users'] },
  avery: { name: 'Avery Auditor', groups: ['portal-auditors'] },
  nobody: { name: 'Nobody Special', groups: [] },
  // Some providers (or mappers) send the groups as ONE string holding a JSON array instead of a JSON array.
  jo: { name: 'Jo Stringgroups', groups: JSON.stringify(['ds-fraud-detection-admins', 'ds-credit-risk-users']) },
  // Groups only in a differently named claim with site-specific names (as Cognito's `cognito:groups`):
  // nothing with the portal's defaults, roles once Auth:Oidc:GroupsClaim and the mapping are configured.
  kim: { name: 'Kim Custom', cognitoGroups: ['team-security', 'ml-churn-members'] },
};

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256', kid: 'test-signing-key' };

const page = (title, body) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><main><h1>${title}</h1>${body}</main></body></html>`;

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: 'portal',
    client_secret: 'portal-secret',
    client_name: 'Secure Data Science Portal',
    redirect_uris: [`${app}/signin-oidc`],
    post_logout_redirect_uris: [`${app}/signout-callback-oidc`],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  scopes: ['openid', 'profile', 'email', 'groups', 'offline_access'],
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username'],
    email: ['email', 'email_verified'],
    groups: ['groups', 'cognito:groups'],
  },
  pkce: { required: () => true },
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      // Own pages: the defaults import a web font from the internet.
      async logoutSource(ctx, form) {
        ctx.body = page('Sign out', `${form}<p>Sign out of the test identity provider?</p>` +
          '<button type="submit" form="op.logoutForm" value="yes" name="logout" id="op-logout-yes">Yes, sign me out</button> ' +
          '<button type="submit" form="op.logoutForm" id="op-logout-no">No, stay signed in</button>');
      },
      async postLogoutSuccessSource(ctx) {
        ctx.body = page('Signed out', '<p>You are signed out of the test identity provider.</p>');
      },
    },
  },
  async renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('Identity provider error', `<pre id="op-error">${JSON.stringify(out, null, 2).replace(/</g, '&lt;')}</pre>`);
  },
  findAccount: (ctx, id) => accounts[id] && {
    accountId: id,
    claims: () => ({
      sub: id,
      name: accounts[id].name,
      preferred_username: id,
      email: `${id}@example.test`,
      email_verified: true,
      groups: accounts[id].groups,
      'cognito:groups': accounts[id].cognitoGroups,
    }),
  },
  // First-party client: grant every requested scope without a consent screen.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      return ctx.oidc.provider.Grant.find(grantId);
    }

    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile email groups offline_access');
    await grant.save();
    return grant;
  },
});

const server = provider.listen(port, '127.0.0.1', () => {
  console.log(`oidc-provider listening on http://127.0.0.1:${port} for ${app}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

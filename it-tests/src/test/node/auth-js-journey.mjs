// One journey of @okta/okta-auth-js (IDX, step mode as in auth-js 8) against an Okta org, run in Node:
//   node auth-js-journey.mjs <journey>
// Configuration and inputs come from the environment (see README "Okta's own clients"). The journey prints
// one JSON line: the steps it saw (Okta's remediation names and authenticator keys), the final status,
// Okta's messages, the ID token's claims (auth-js validated the token), and what the journey checked after.
// Email codes are read from the org's outbox (the simulator's /admin/outbox), as a person reads their mail.
import { OktaAuth, IdxStatus } from '@okta/okta-auth-js';

const env = (name, fallback) => process.env[name] ?? fallback;
const journey = process.argv[2];
const org = env('OIE_ORG');
const input = {
  username: env('OIE_USERNAME'), password: env('OIE_PASSWORD'), newPassword: env('OIE_NEW_PASSWORD'),
  firstName: env('OIE_FIRST_NAME'), lastName: env('OIE_LAST_NAME'), email: env('OIE_EMAIL'),
  activationToken: env('OIE_ACTIVATION_TOKEN'), postLogoutRedirectUri: env('OIE_POST_LOGOUT_REDIRECT_URI'),
};

function client() {
  return new OktaAuth({
    issuer: env('OIE_ISSUER'), clientId: env('OIE_CLIENT_ID'), clientSecret: env('OIE_CLIENT_SECRET'),
    redirectUri: env('OIE_REDIRECT_URI'), scopes: env('OIE_SCOPES', 'openid profile email offline_access').split(' '),
    // One person per process: auth-js keeps its transaction in memory on the server side.
    storageManager: { token: { storageType: 'memory' }, transaction: { storageType: 'memory' } },
  });
}

/** The newest code the org mailed to the address since `after` (its outbox is the test's mailbox). */
async function mailedCode(to, after) {
  for (let i = 0; i < 50; i++) {
    const mails = await (await fetch(`${org}/admin/outbox?to=${encodeURIComponent(to)}`)).json();
    const fresh = mails.filter(m => m.code && !after.includes(m.id));
    if (fresh.length) {
      return fresh[fresh.length - 1];
    }
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`no code was mailed to ${to}`);
}

/** What a person types at each step: the answer for Okta's remediation, by its name and authenticator. */
async function answer(step, seen) {
  const key = keyOf(step);
  const inputs = (step.inputs || []).map(i => i.name);
  switch (step.name) {
    case 'identify':
      return inputs.includes('password') || inputs.includes('credentials')
        ? { username: input.username, password: input.password } : { username: input.username };
    case 'identify-recovery':
      return { username: input.username };
    case 'enroll-profile':
      return { userProfile: { firstName: input.firstName, lastName: input.lastName, email: input.email } };
    case 'select-authenticator-authenticate':
      return { authenticator: 'okta_email' };
    case 'select-authenticator-enroll': { // a new password first; what else is optional is skipped
      const offered = optionKeys(step);
      if (offered.includes('okta_password')) {
        return { authenticator: 'okta_password' };
      }
      return step.canSkip ? { skip: true } : { authenticator: offered.includes('okta_email') ? 'okta_email' : offered[0] };
    }
    case 'authenticator-verification-data':
    case 'authenticator-enrollment-data':
      return { methodType: 'email' };
    case 'challenge-authenticator':
    case 'enroll-authenticator':
      if (key === 'okta_password') {
        return { password: step.name === 'enroll-authenticator' ? input.newPassword : input.password };
      }
      if (key === 'okta_email') {
        const mail = await mailedCode(input.email ?? input.username, seen.mails);
        seen.mails.push(mail.id);
        return { verificationCode: mail.code };
      }
      throw new Error(`no answer for ${step.name} of ${key}`);
    case 'reset-authenticator':
      return { password: input.newPassword };
    default:
      throw new Error(`no answer for step ${step.name}`);
  }
}

/** The authenticator a step is about (step mode names it in `relatesTo`). */
function keyOf(step) {
  return step.authenticator?.key ?? step.relatesTo?.value?.key;
}

/** The authenticators a selection step offers, by key. */
function optionKeys(step) {
  const options = step.options ?? (step.inputs || []).find(i => i.name === 'authenticator')?.options ?? [];
  return options.map(o => o.relatesTo?.key ?? o.value);
}

/** The step Okta asks for: `idx.start()` lists the first one among the available steps. */
function stepOf(t) {
  return t.nextStep ?? (t.availableSteps || []).find(s => s.name !== 'cancel');
}

/** The link a person follows on this page in this journey, if any: Okta's own step names for them. */
function linkFor(name, step, t) {
  const available = (t.availableSteps || []).map(s => s.name);
  if (name === 'sign-up' && step.name === 'identify') {
    return available.find(s => s === 'select-enroll-profile');
  }
  if (name === 'recovery' && step.name === 'challenge-authenticator' && keyOf(step) === 'okta_password') {
    return available.find(s => s.endsWith('-recover'));
  }
  return undefined;
}

/** Answers every step Okta asks for until it ends (bounded: a loop would be a bug worth seeing). */
async function drive(auth, transaction, seen) {
  let t = transaction;
  for (let i = 0; i < 15 && t.status === IdxStatus.PENDING && stepOf(t); i++) {
    const step = stepOf(t);
    seen.steps.push(keyOf(step) ? `${step.name}:${keyOf(step)}` : step.name);
    if (t.messages?.length) {
      seen.messages.push(...t.messages.map(m => ({ message: m.message, key: m.i18n?.key, class: m.class })));
      return t; // Okta refused the last answer: the person would see this and try again
    }
    const link = linkFor(journey, step, t);
    if (link) { // the person follows a link of the page ("Sign up", "Forgot password?") instead of answering
      seen.steps[seen.steps.length - 1] += ` -> ${link}`;
      // a remediation is a step; "recover" is an action of the current authenticator
      t = await auth.idx.proceed(link.endsWith('-recover') ? { actions: [link] } : { step: link });
      continue;
    }
    const values = await answer(step, seen);
    t = values.skip ? await auth.idx.proceed({ step: 'skip' }) : await auth.idx.proceed({ step: step.name, ...values });
  }
  return t;
}

function claimsOf(t) {
  const c = t.tokens?.idToken?.claims;
  return c ? { sub: c.sub, amr: c.amr, email: c.email, name: c.name, at_hash: c.at_hash, nonce: c.nonce, idp: c.idp } : null;
}

async function run() {
  const auth = client();
  const seen = { steps: [], messages: [], mails: [] };
  let start;
  switch (journey) {
    case 'sign-in': case 'sign-in-email-code': case 'sign-out': case 'unknown-user':
      start = await auth.idx.start(); break;
    case 'sign-up': // the flow tells auth-js which remediations it may answer
      start = await auth.idx.start({ flow: 'register' }); break;
    case 'recovery':
      start = await auth.idx.start({ flow: 'recoverPassword' }); break;
    case 'activation-token':
      start = await auth.idx.start({ activationToken: input.activationToken }); break;
    default:
      throw new Error(`unknown journey ${journey}`);
  }
  const t = await drive(auth, start, seen);
  const result = { journey, status: t.status, steps: seen.steps, messages: seen.messages, claims: claimsOf(t),
    mailedCodes: seen.mails.length, tokens: Object.keys(t.tokens || {}).sort() };
  if (journey === 'sign-out' && t.tokens) {
    auth.tokenManager.setTokens(t.tokens);
    const revoked = [];
    for (const kind of ['refreshToken', 'accessToken']) { // what auth.signOut() revokes before its redirect
      try {
        await (kind === 'refreshToken' ? auth.revokeRefreshToken() : auth.revokeAccessToken());
        revoked.push(kind);
      } catch (e) {
        result.revokeError = `${e.errorCode || e.name}: ${e.errorSummary || e.message}`;
      }
    }
    result.revoked = revoked;
    result.accessToken = t.tokens.accessToken.accessToken; // for the test to check it is dead (never logged)
    const logout = auth.getSignOutRedirectUrl({ idToken: t.tokens.idToken, postLogoutRedirectUri: input.postLogoutRedirectUri });
    const answered = await fetch(logout, { redirect: 'manual' });
    result.logout = { status: answered.status, location: answered.headers.get('location') };
  }
  return result;
}

let code = 0;
try {
  console.log(JSON.stringify(await run()));
} catch (e) {
  console.log(JSON.stringify({ journey, error: `${e.errorCode || e.name}: ${e.errorSummary || e.message}` }));
  code = 1;
}
process.exit(code); // auth-js's token manager keeps renewal timers that would keep Node running

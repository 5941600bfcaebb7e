// Passkeys: the browser's WebAuthn calls for the forms marked data-passkey. A form is shown
// only where the browser has WebAuthn; its script fetches the ceremony's options, asks the
// browser, puts the answer in the form's "credential" field and sends the form as usual.
(function () {
  'use strict';
  if (!window.PublicKeyCredential || !window.fetch) return;

  function toBuffer(text) {
    let s = text.replace(/-/g, '+').replace(/_/g, '/');
    while (s.length % 4) s += '=';
    const bin = atob(s);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out.buffer;
  }

  function toText(buffer) {
    const bytes = new Uint8Array(buffer);
    let bin = '';
    for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
    return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  async function create(publicKey) {
    publicKey.challenge = toBuffer(publicKey.challenge);
    publicKey.user.id = toBuffer(publicKey.user.id);
    (publicKey.excludeCredentials || []).forEach((c) => { c.id = toBuffer(c.id); });
    const made = await navigator.credentials.create({ publicKey });
    return {
      id: made.id,
      rawId: toText(made.rawId),
      type: made.type,
      response: {
        attestationObject: toText(made.response.attestationObject),
        clientDataJSON: toText(made.response.clientDataJSON),
      },
      extensions: made.getClientExtensionResults(),
    };
  }

  async function sign(publicKey) {
    publicKey.challenge = toBuffer(publicKey.challenge);
    (publicKey.allowCredentials || []).forEach((c) => { c.id = toBuffer(c.id); });
    const got = await navigator.credentials.get({ publicKey });
    return {
      id: got.id,
      rawId: toText(got.rawId),
      type: got.type,
      response: {
        authenticatorData: toText(got.response.authenticatorData),
        clientDataJSON: toText(got.response.clientDataJSON),
        signature: toText(got.response.signature),
        userHandle: got.response.userHandle ? toText(got.response.userHandle) : null,
      },
      extensions: got.getClientExtensionResults(),
    };
  }

  document.querySelectorAll('form[data-passkey]').forEach((form) => {
    form.hidden = false;
    const failed = form.querySelector('[data-passkey-failed]');
    form.addEventListener('submit', async (event) => {
      if (form.elements.credential.value) return;
      event.preventDefault();
      if (failed) failed.hidden = true;
      try {
        const res = await fetch(form.dataset.options, { credentials: 'same-origin' });
        if (!res.ok) throw new Error('options: ' + res.status);
        const options = await res.json();
        const answer = form.dataset.passkey === 'register'
          ? await create(options.publicKey)
          : await sign(options.publicKey);
        form.elements.credential.value = JSON.stringify(answer);
        form.submit();
      } catch (e) {
        if (failed) failed.hidden = false;
      }
    });
  });
})();

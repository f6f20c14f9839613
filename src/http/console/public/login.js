'use strict';
(function () {
  const form = document.getElementById('login-form');
  const error = document.getElementById('login-error');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    error.hidden = true;
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      await WC.api('/console/api/login', {
        method: 'POST',
        noRedirect: true,
        body: { login: form.login.value.trim(), password: form.password.value },
      });
      const next = new URLSearchParams(location.search).get('next') || '/console';
      location.href = /^\/console(\/|\?|$)/.test(next) && !next.startsWith('//') ? next : '/console';
    } catch (e) {
      error.textContent = e.status === 401 ? '账号或密码错误' : e.status === 429 ? '尝试次数过多，请一分钟后再试' : e.message;
      error.hidden = false;
      button.disabled = false;
    }
  });
})();

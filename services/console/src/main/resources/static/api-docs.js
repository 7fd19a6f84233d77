// Swagger UI of the platform API: the documents and the sign-in client come from the page's data attributes.
window.addEventListener('DOMContentLoaded', () => {
  const root = document.getElementById('swagger-ui');
  if (!root || !window.SwaggerUIBundle) {
    return;
  }
  const ui = window.SwaggerUIBundle({
    urls: JSON.parse(root.dataset.urls),
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [window.SwaggerUIBundle.presets.apis, window.SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
    oauth2RedirectUrl: root.dataset.redirectUrl,
    validatorUrl: null,
  });
  ui.initOAuth({
    clientId: root.dataset.clientId,
    usePkceWithAuthorizationCodeGrant: true,
    scopes: 'openid profile',
  });
});

// Starts Swagger UI on /docs over the app's own OpenAPI schema (loaded as a file, so the
// page needs no inline script under the Content-Security-Policy).
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});

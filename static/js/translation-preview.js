/* The live preview of wagtail-localize's translation editor
   (home/i18n/translation_preview.py): reloads the preview frame each time the editor
   saves or removes a piece of text (it does so with fetch PUT or DELETE on the
   translation's API), so the translator sees the page as it will be published. */
(function () {
    "use strict";
    if (window.icssiTranslationPreview) return;
    window.icssiTranslationPreview = true;

    var originalFetch = window.fetch;
    var pending = null;

    function refresh() {
        document.querySelectorAll("iframe[data-icssi-translation-preview]").forEach(function (frame) {
            var url = new URL(frame.getAttribute("src"), window.location.href);
            url.searchParams.set("refresh", Date.now().toString());
            frame.setAttribute("src", url.pathname + url.search);
        });
    }

    window.fetch = function (resource, options) {
        var method = ((options && options.method) || "GET").toUpperCase();
        var result = originalFetch.apply(this, arguments);
        if (method === "PUT" || method === "DELETE") {
            result.then(function (response) {
                if (!response.ok && response.status !== 404) return;
                // Several saves in a row reload the preview once.
                window.clearTimeout(pending);
                pending = window.setTimeout(refresh, 200);
            }, function () {});
        }
        return result;
    };
})();

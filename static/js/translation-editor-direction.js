/* Gives the text boxes of wagtail-localize's translation editor the direction and
   language of the translation being typed (wagtail-localize issue #197), whatever
   language the admin itself is in. Translated text shown outside a text box gets
   dir="auto", so each string reads in its own direction.
   A box that already has a `dir` of its own (wagtail-localize fixed #197) is left
   alone. Loaded by home/i18n/rtl_translation_editor.py. */
(function () {
    "use strict";
    var script = document.currentScript;
    var rtlLanguages = JSON.parse(script.dataset.rtlLanguages || "[]");

    function follow(editor) {
        var props = JSON.parse(editor.dataset.props);
        var language = props.locale.code;
        var direction = rtlLanguages.indexOf(language) === -1 ? "ltr" : "rtl";

        function apply() {
            editor.querySelectorAll("textarea, input[type='text']").forEach(function (box) {
                if (box.hasAttribute("dir") && !box.hasAttribute("data-icssi-direction")) return;
                box.setAttribute("data-icssi-direction", "");
                if (box.getAttribute("dir") !== direction) box.setAttribute("dir", direction);
                if (box.getAttribute("lang") !== language) box.setAttribute("lang", language);
            });
            editor.querySelectorAll("li p:not([dir])").forEach(function (text) {
                text.setAttribute("dir", "auto");
            });
        }

        apply();
        new MutationObserver(apply).observe(editor, { childList: true, subtree: true });
    }

    function start() {
        document.querySelectorAll(".js-translation-editor[data-props]").forEach(follow);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();

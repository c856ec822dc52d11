/* Replaces the admin labels that Wagtail and wagtail-localize write in English whatever
   the admin's language (see home/i18n/english_admin_labels.py, which passes the rules
   and their translations). Only text that is exactly the English label is changed,
   also in parts of the page drawn later (the translation editor, menus). */
(function () {
    "use strict";
    var rules = JSON.parse(document.currentScript.dataset.rules || "[]");

    function translated(rule, text) {
        if (rule.pattern) {
            var match = new RegExp(rule.pattern).exec(text);
            if (!match) return null;
            return rule.translation.replace(/\$(\d)/g, function (_all, group) {
                return match[Number(group)];
            });
        }
        return text === rule.english ? rule.translation : null;
    }

    function apply() {
        rules.forEach(function (rule) {
            document.querySelectorAll(rule.selector).forEach(function (element) {
                if (rule.attribute) {
                    var value = element.getAttribute(rule.attribute) || "";
                    var replacement = translated(rule, value.trim());
                    if (replacement !== null) element.setAttribute(rule.attribute, replacement);
                    return;
                }
                element.childNodes.forEach(function (node) {
                    if (node.nodeType !== Node.TEXT_NODE) return;
                    var replacement = translated(rule, node.textContent.trim());
                    if (replacement !== null) {
                        node.textContent = node.textContent.replace(node.textContent.trim(), replacement);
                    }
                });
            });
        });
    }

    function start() {
        apply();
        new MutationObserver(apply).observe(document.body, { childList: true, subtree: true });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();

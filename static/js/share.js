// "Copy link" on share links (includes/share_links.html): copies the page's address.
// Without this script the button stays hidden and the address field is copied by hand.
for (const button of document.querySelectorAll("button[data-copy]")) {
  const field = document.getElementById(button.dataset.copy);
  const status = button.parentElement.querySelector("[role=status]");
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(field.value);
    } catch {
      // No clipboard API (an old browser, a page not served over HTTPS).
      field.select();
      document.execCommand("copy");
    }
    status.textContent = button.dataset.copied;
  });
}

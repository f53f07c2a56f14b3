(function () {
  // Shows one language at a time; without this script every language shows.
  var root = document.documentElement;
  var nav = document.getElementById("langs");
  if (!nav) return;
  var buttons = nav.querySelectorAll("button[data-show]");
  function show(i) {
    root.setAttribute("data-show", i);
    for (var k = 0; k < buttons.length; k++) {
      var on = buttons[k].getAttribute("data-show") === i;
      buttons[k].setAttribute("aria-pressed", on ? "true" : "false");
      if (on) root.lang = buttons[k].lang;
    }
    var imgs = document.querySelectorAll("img[data-alt-" + i + "]");
    for (var j = 0; j < imgs.length; j++) {
      imgs[j].alt = imgs[j].getAttribute("data-alt-" + i);
      imgs[j].lang = imgs[j].getAttribute("data-lang-" + i);
    }
  }
  nav.addEventListener("click", function (e) {
    var b = e.target.closest("button[data-show]");
    if (b) show(b.getAttribute("data-show"));
  });
  nav.hidden = false;
  show("0");
})();

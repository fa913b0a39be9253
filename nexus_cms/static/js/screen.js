// The digital screens (/skarm/<slug>/): show the next slide every data-seconds seconds; after
// the last one, load the screen again so an approved change (or a withdrawn campaign) shows.
// Nothing to click and nothing stored: no cookie, no storage.
(function () {
    "use strict";
    var body = document.body;
    var seconds = parseInt(body.getAttribute("data-seconds"), 10) || 12;
    var slides = Array.prototype.slice.call(document.querySelectorAll(".screen__slide"));
    if (!slides.length) {
        return;
    }
    var current = 0;
    slides.forEach(function (slide, index) {
        if (!slide.hidden) {
            current = index;
        }
    });

    function show(index) {
        slides.forEach(function (slide, i) {
            slide.hidden = i !== index;
        });
        current = index;
        window.setTimeout(next, seconds * 1000);
    }

    function reload() {
        var url = window.location.pathname;
        // Only leave the page when the server answers: a network failure keeps the slides going.
        window.fetch(url, { cache: "no-store", credentials: "omit" }).then(function (response) {
            if (response.ok || response.status === 404) {
                window.location.replace(url);
            } else {
                show(0);
            }
        }).catch(function () {
            show(0);
        });
    }

    function next() {
        if (current + 1 >= slides.length) {
            reload();
        } else {
            show(current + 1);
        }
    }

    window.setTimeout(next, seconds * 1000);
}());

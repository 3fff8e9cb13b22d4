// The events map: Natural Earth outlines (world-atlas, vendored), no tiles. Towns are points; an event placed
// only to an admin1 is a dashed area around its seat, one placed to a country is the country's outline.
// Points cluster on a pixel grid when zoomed out (a small own clustering: no plugin vendored).
(function () {
  "use strict";
  var GRID = 48; // px
  var ISO_N = null; // alpha-2 -> world-atlas id (ISO 3166 numeric), read from /static/iso_numeric.json

  function get(url) { return fetch(url, {credentials: "same-origin"}).then(function (r) { return r.json(); }); }

  function start() {
    var el = document.getElementById("map");
    if (!el || !window.L || !window.topojson) { return; }
    var map = L.map(el, {worldCopyJump: true, minZoom: 1}).setView([30, 30], 2);
    window.wwMap = map;
    window.wwMarkers = [];
    Promise.all([get("/static/vendor/world-atlas/countries-50m.json"), get("/static/iso_numeric.json"), get(el.dataset.src)])
      .then(function (got) {
        var world = topojson.feature(got[0], got[0].objects.countries);
        ISO_N = got[1];
        var byId = {};
        world.features.forEach(function (f) { byId[f.id] = f; });
        L.geoJSON(world, {style: {color: "#8a9aa8", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1}, interactive: false}).addTo(map);
        draw(map, got[2].features, byId);
        if (got[2].shown < got[2].count) {
          var note = document.createElement("p");
          note.className = "map-note";
          note.textContent = "The map shows the newest " + got[2].shown + " of " + got[2].count + " located events: choose facets to see the rest.";
          el.parentNode.insertBefore(note, el.nextSibling);
        }
      });
  }

  function label(f) {
    var s = document.createElement("span");
    s.textContent = (f.name || f.admin1 || f.country || "?") + " · " + f.type + (f.date ? " · " + f.date : "") + " · killed " + f.killed;
    return s;
  }

  function draw(map, feats, byId) {
    var points = [], areas = L.layerGroup().addTo(map), pointLayer = L.layerGroup().addTo(map);
    feats.forEach(function (f) {
      var p = f.precision;
      if ((p === "country" || (p === "unknown" && f.lat === null)) && f.country && ISO_N[f.country] && byId[ISO_N[f.country]]) {
        L.geoJSON(byId[ISO_N[f.country]], {style: {color: "#b5473a", weight: 1, dashArray: "4", fillOpacity: 0.08}})
          .bindTooltip(label(f)).on("click", function () { location.href = "/event/" + f.id; }).addTo(areas);
        window.wwMarkers.push({id: f.id, name: f.country, kind: "country"});
      } else if (p === "admin1" && f.lat !== null) {
        L.circle([f.lat, f.lon], {radius: 40000, color: "#b5473a", weight: 1, dashArray: "4", fillOpacity: 0.1, className: "ww-area"})
          .bindTooltip(label(f)).on("click", function () { location.href = "/event/" + f.id; }).addTo(areas);
        window.wwMarkers.push({id: f.id, name: f.admin1, kind: "admin1"});
      } else if (f.lat !== null) {
        points.push(f);
        window.wwMarkers.push({id: f.id, name: f.name, kind: "point"});
      }
    });
    function cluster() {
      pointLayer.clearLayers();
      var cells = {};
      points.forEach(function (f) {
        var px = map.project([f.lat, f.lon], map.getZoom());
        var k = Math.floor(px.x / GRID) + ":" + Math.floor(px.y / GRID);
        (cells[k] = cells[k] || []).push(f);
      });
      Object.keys(cells).forEach(function (k) {
        var fs = cells[k];
        if (fs.length === 1) {
          var f = fs[0];
          L.circleMarker([f.lat, f.lon], {radius: 6 + Math.min(10, Math.sqrt(f.killed)), color: "#7a1f14", fillColor: "#d0543f", fillOpacity: 0.85, weight: 1, className: "ww-point"})
            .bindTooltip(label(f)).on("click", function () { location.href = "/event/" + f.id; }).addTo(pointLayer);
        } else {
          var lat = 0, lon = 0;
          fs.forEach(function (f) { lat += f.lat; lon += f.lon; });
          var icon = L.divIcon({className: "ww-cluster-wrap", html: "", iconSize: [30, 30]});
          var m = L.marker([lat / fs.length, lon / fs.length], {icon: icon, title: fs.length + " events"}).addTo(pointLayer);
          var div = document.createElement("div");
          div.className = "ww-cluster";
          div.textContent = String(fs.length);
          m.getElement().appendChild(div);
          m.on("click", function () { map.setView(m.getLatLng(), map.getZoom() + 2); });
        }
      });
      window.wwReady = true;
    }
    var located = feats.filter(function (f) { return f.lat !== null; });
    if (located.length) {
      map.fitBounds(L.latLngBounds(located.map(function (f) { return [f.lat, f.lon]; })).pad(0.5), {maxZoom: 7});
    }
    map.on("zoomend", cluster);
    cluster();
  }

  document.addEventListener("DOMContentLoaded", start);
})();

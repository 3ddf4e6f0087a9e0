/* Dozor dispatcher board: live vehicle positions and violations (no external network needed). */
(function () {
  'use strict';

  const MODE_COLOURS = { plough: '#e8590c', brush: '#1c7ed6', spreader: '#7048e8', transport: '#5f6b7a' };
  const MODE_NAMES = { plough: 'plough working', brush: 'brush working', spreader: 'spreader working', transport: 'transport' };
  const MAX_LISTED = 300;
  const RECONNECT_MAX_MS = 15000;

  const vehicles = new Map();   // vehicleId -> { marker, trail, position }
  const violations = new Map(); // id -> violation
  let map;
  let fittedOnce = false;
  let reconnectDelay = 1000;
  let BOARD_TIME_ZONE = 'Europe/Moscow'; // replaced by /api/v1/board/config

  const $ = (id) => document.getElementById(id);

  function toast(text) {
    const t = $('toast');
    t.textContent = text;
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { t.hidden = true; }, 4000);
  }

  function formatTime(iso) {
    if (!iso) return '—';
    const d = new Date(iso);
    return d.toLocaleString('ru-RU', { timeZone: BOARD_TIME_ZONE, day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  async function api(path, options) {
    // absolute from the origin: a page opened as http://user:pass@host/ has credentials in its URL,
    // and fetch() refuses relative URLs resolved against it
    const response = await fetch(location.origin + path, Object.assign({ credentials: 'same-origin' }, options || {}));
    let body = null;
    try { body = await response.json(); } catch (e) { /* no body */ }
    return { status: response.status, body: body };
  }

  // ---- map ----
  function initMap(config) {
    map = L.map('map', { zoomControl: true, attributionControl: !!config.tileUrl });
    if (config.tileUrl) {
      L.tileLayer(config.tileUrl, { maxZoom: 19, attribution: config.tileAttribution || '' }).addTo(map);
    } else {
      $('map').classList.add('no-tiles');
    }
    map.setView([55.75, 37.62], 10);
    const legend = L.control({ position: 'bottomleft' });
    legend.onAdd = function () {
      const div = L.DomUtil.create('div', 'legend');
      div.innerHTML = Object.keys(MODE_COLOURS)
        .map((m) => '<div><i style="background:' + MODE_COLOURS[m] + '"></i>' + MODE_NAMES[m] + '</div>').join('');
      return div;
    };
    legend.addTo(map);
    $('fit').addEventListener('click', fitAll);
  }

  function fitAll() {
    const points = [];
    vehicles.forEach((v) => points.push([v.position.lat, v.position.lon]));
    if (points.length === 1) map.setView(points[0], 15);
    else if (points.length > 1) map.fitBounds(points, { padding: [40, 40], maxZoom: 16 });
  }

  function upsertVehicle(p) {
    const colour = MODE_COLOURS[p.mode] || MODE_COLOURS.transport;
    const latlngs = (p.trail || []).map((t) => [t.lat, t.lon]);
    let v = vehicles.get(p.vehicleId);
    if (!v) {
      const marker = L.circleMarker([p.lat, p.lon], {
        radius: 8, weight: 2, color: '#fff', fillColor: colour, fillOpacity: 1, className: 'vehicle-marker'
      }).bindTooltip(p.vehicleId, { permanent: true, direction: 'right', offset: [8, 0], className: 'veh-label' });
      const trail = L.polyline(latlngs, { color: colour, weight: 3, opacity: 0.5, interactive: false });
      trail.addTo(map);
      marker.addTo(map);
      v = { marker: marker, trail: trail, position: p };
      vehicles.set(p.vehicleId, v);
    } else {
      v.marker.setLatLng([p.lat, p.lon]);
      v.marker.setStyle({ fillColor: colour });
      v.trail.setLatLngs(latlngs);
      v.trail.setStyle({ color: colour });
      v.position = p;
    }
    v.marker.bindPopup(
      '<b>' + escapeHtml(p.vehicleId) + '</b><br>' + MODE_NAMES[p.mode] + '<br>' +
      Math.round(p.speedKmh) + ' km/h · ' + formatTime(p.fixTime));
  }

  function applyPositions(items) {
    items.forEach(upsertVehicle);
    $('vehicle-count').textContent = vehicles.size;
    if (!fittedOnce && vehicles.size > 0) {
      fittedOnce = true;
      fitAll();
    }
  }

  // ---- violations ----
  function escapeHtml(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, (c) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  function upsertViolation(v, fresh) {
    v._fresh = fresh;
    violations.set(v.id, v);
  }

  function renderViolations() {
    const onlyActive = $('only-active').checked;
    const list = Array.from(violations.values())
      .filter((v) => !onlyActive || v.status !== 'CLOSED')
      .sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0))
      .slice(0, MAX_LISTED);
    const ul = $('violations');
    ul.innerHTML = '';
    list.forEach((v) => ul.appendChild(violationItem(v)));
    $('no-violations').hidden = list.length > 0;
    let active = 0;
    violations.forEach((v) => { if (v.status !== 'CLOSED') active++; });
    $('active-count').textContent = active;
  }

  function violationItem(v) {
    const li = document.createElement('li');
    li.className = 'violation' + (v._fresh ? ' fresh' : '');
    li.dataset.id = v.id;
    v._fresh = false;
    const maxSpeed = v.measurements && v.measurements.maxSpeedKmh != null
      ? Math.round(v.measurements.maxSpeedKmh) + ' km/h max' : '';
    li.innerHTML =
      '<div class="row"><span class="badge ' + escapeHtml(v.status) + '">' + escapeHtml(v.status) + '</span>' +
      '<span class="title">' + escapeHtml(v.regulationId) + ' · ' + escapeHtml(v.title || '') + '</span>' +
      '<span class="sev">' + escapeHtml(v.severity || '') + '</span></div>' +
      '<div class="meta">' + escapeHtml(v.vehicleId) + ' · since ' + formatTime(v.startedAt) +
      (v.endedAt ? ' until ' + formatTime(v.endedAt) : '') + (maxSpeed ? ' · ' + maxSpeed : '') + '</div>';
    const ack = document.createElement('div');
    ack.className = 'ack';
    if (v.acknowledgedBy) {
      ack.innerHTML = '<span class="done">✓ acknowledged by ' + escapeHtml(v.acknowledgedBy) + ' at ' +
        formatTime(v.acknowledgedAt) + '</span>' + (v.ackComment ? ' — ' + escapeHtml(v.ackComment) : '');
    } else {
      const button = document.createElement('button');
      button.textContent = 'Acknowledge';
      button.addEventListener('click', (e) => { e.stopPropagation(); acknowledge(v, button); });
      ack.appendChild(button);
    }
    li.appendChild(ack);
    li.addEventListener('click', () => {
      const vehicle = vehicles.get(v.vehicleId);
      if (vehicle) { map.setView(vehicle.marker.getLatLng(), Math.max(map.getZoom(), 14)); vehicle.marker.openPopup(); }
    });
    return li;
  }

  async function acknowledge(v, button) {
    const comment = window.prompt('Comment for ' + v.regulationId + ' on ' + v.vehicleId + ' (optional):', '');
    if (comment === null) return;
    button.disabled = true;
    const r = await api('/api/v1/violations/' + encodeURIComponent(v.id) + '/acknowledge', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ comment: comment || null })
    });
    if (r.status === 200) {
      upsertViolation(r.body, false);
    } else if (r.status === 409) {
      toast((r.body && r.body.error) || 'Already acknowledged');
      const fresh = await api('/api/v1/violations/' + encodeURIComponent(v.id));
      if (fresh.status === 200) upsertViolation(fresh.body, false);
    } else {
      toast((r.body && r.body.error) || ('Acknowledge failed: HTTP ' + r.status));
      button.disabled = false;
      return;
    }
    renderViolations();
  }

  // ---- live updates ----
  function setConnection(online, text) {
    $('connection').className = 'connection ' + (online ? 'online' : 'offline');
    $('connection-text').textContent = text;
  }

  let renderPending = false;
  function scheduleRender() {
    if (renderPending) return;
    renderPending = true;
    requestAnimationFrame(() => { renderPending = false; renderViolations(); });
  }

  function connect() {
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/board';
    const socket = new WebSocket(url);
    socket.onopen = () => { reconnectDelay = 1000; setConnection(true, 'live'); };
    socket.onmessage = (event) => {
      const message = JSON.parse(event.data);
      if (message.type === 'positions') {
        applyPositions(message.items);
      } else if (message.type === 'violation') {
        const known = violations.get(message.item.id);
        // highlight only what is news: a new episode or a status change, not a reconnect replay
        upsertViolation(message.item, !known || known.status !== message.item.status);
        scheduleRender();
      }
    };
    socket.onclose = () => {
      setConnection(false, 'reconnecting in ' + Math.round(reconnectDelay / 1000) + ' s');
      setTimeout(connect, reconnectDelay);
      reconnectDelay = Math.min(reconnectDelay * 2, RECONNECT_MAX_MS);
    };
    socket.onerror = () => socket.close();
  }

  async function start() {
    const config = await api('/api/v1/board/config');
    if (config.status === 200 && config.body.timeZone) BOARD_TIME_ZONE = config.body.timeZone;
    initMap(config.status === 200 ? config.body : {});
    $('only-active').addEventListener('change', renderViolations);
    const positions = await api('/api/v1/board/positions');
    if (positions.status === 200) applyPositions(positions.body);
    const recent = await api('/api/v1/violations?limit=200');
    if (recent.status === 200) recent.body.forEach((v) => upsertViolation(v, false));
    renderViolations();
    connect();
  }

  start();
})();

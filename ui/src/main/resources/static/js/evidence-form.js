// The evidence form's helpers: search the measures by number or text, preselect what the chosen kind of
// evidence usually shows (from the routine's own words, see EvidencePresets), and count the selection.
// The form works without this script; it only unhides and drives the tools marked data-needs-script.
(function () {
    'use strict';
    const form = document.getElementById('evidence-form');
    if (!form) return;
    const kind = document.getElementById('kind');
    const preset = document.getElementById('apply-preset');
    const search = document.getElementById('measure-search');
    const count = document.getElementById('selected-count');
    const items = Array.from(form.querySelectorAll('li[data-measure]'));
    const boxes = items.map(item => item.querySelector('input[type=checkbox]'));

    form.querySelectorAll('[data-needs-script]').forEach(element => { element.hidden = false; });

    const fill = (template, values) => template.replace(/\{(\d)\}/g, (_, i) => values[Number(i)]);

    function showCount() {
        const chosen = boxes.filter(box => box.checked).length;
        count.textContent = fill(count.dataset.template, [chosen, boxes.length]);
    }

    function showPreset() {
        const option = kind.options[kind.selectedIndex];
        const measures = option && option.dataset.preset ? option.dataset.preset.split(' ') : [];
        preset.disabled = measures.length === 0;
        preset.textContent = measures.length === 0 ? preset.dataset.none
            : fill(preset.dataset.template, [option.textContent.trim().toLowerCase(), measures.join(', ')]);
        preset.dataset.measures = measures.join(' ');
    }

    function filter() {
        const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
        items.forEach(item => {
            const number = item.dataset.measure;
            const text = item.dataset.search;
            // a number finds that measure; words find the measures whose text holds them all
            const shown = words.length === 0 || words.every(word => /^\d+$/.test(word) ? number === word : text.includes(word));
            // a chosen measure stays in sight, so that nothing selected is hidden
            item.hidden = !shown && !item.querySelector('input').checked;
        });
        form.querySelectorAll('.measure-group').forEach(group => {
            group.hidden = group.querySelectorAll('li[data-measure]:not([hidden])').length === 0;
        });
    }

    kind.addEventListener('change', showPreset);
    preset.addEventListener('click', () => {
        const wanted = new Set((preset.dataset.measures || '').split(' '));
        boxes.forEach(box => { if (wanted.has(box.value)) box.checked = true; });
        showCount();
        filter();
    });
    search.addEventListener('input', filter);
    // Enter in the search field searches; it does not send the form half filled in
    search.addEventListener('keydown', event => { if (event.key === 'Enter') event.preventDefault(); });
    boxes.forEach(box => box.addEventListener('change', showCount));
    showPreset();
    showCount();
}());

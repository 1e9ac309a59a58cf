// Generated inventories for the tests and the benchmark (no randomness: the
// same n gives the same file).

/** A valid natverk/1 inventory with `n` networks, people, schedules and financing. */
export function generateInventory(n) {
  const subjects = ['jämställdhet', 'klimat', 'digitalisering', 'kultur', 'forskning', 'internationellt', 'trygghet'];
  const organisers = ['SKR', 'Eurocities', 'ICLEI', 'Länsstyrelsen', 'Sambruk', null];
  const kinds = ['network', 'membership', 'programme', 'partnership'];
  const people = [];
  for (let i = 0; i < 40; i++) {
    const politician = i % 3 === 0;
    people.push({
      id: `p${i}`,
      name: `Person ${i}`,
      gender: ['woman', 'man', 'other'][i % 3],
      role: politician ? 'politician' : 'official',
      ...(politician ? { side: i % 2 ? 'opposition' : 'majority' } : {}),
      hourly_cost: String(600 + (i % 7) * 50),
    });
  }
  const networks = [];
  for (let i = 0; i < n; i++) {
    const start = 2018 + (i % 7);
    const network = {
      id: `n${String(i).padStart(5, '0')}`,
      name: `Nätverk ${i} för ${subjects[i % subjects.length]}`,
      kind: kinds[i % kinds.length],
      subjects: [subjects[i % subjects.length], subjects[(i * 3 + 1) % subjects.length]].filter((v, j, a) => a.indexOf(v) === j),
      unit: ['ks', 'slk', 'kultur', 'miljo'][i % 4],
      start: `${start}-0${1 + (i % 9)}-01`,
      ...(i % 5 === 0 ? { end: `${start + 8}-12-31` } : {}),
      status: i % 11 === 0 ? 'proposed' : 'active',
      participants: [
        { person: `p${i % 40}`, hours_per_year: String(10 + (i % 50)) },
        { person: `p${(i + 7) % 40}`, hours_per_year: '12.5' },
      ],
      costs: [
        { kind: 'membership', schedule: i % 2 ? 'tiers' : 'per-capita' },
        { kind: 'travel', amount: `${1000 + (i % 13) * 250}.50` },
        ...(i % 4 === 0 ? [{ kind: 'fee', amount: '1200', currency: 'EUR' }] : []),
      ],
      financing: i % 6 === 0 ? [{ funder: 'Länsstyrelsen', status: 'expected', probability: '0.75', share: '0.5' }] : [],
    };
    const org = organisers[i % organisers.length];
    if (org) network.organiser = org;
    networks.push(network);
  }
  return {
    format: 'natverk/1',
    organisation: { name: 'Provkommun', code: '9999', currency: 'SEK', population: { 2015: 100000, 2020: 104500 } },
    units: [
      { id: 'ks', name: 'Kommunstyrelsen', central: true },
      { id: 'slk', name: 'Stadsledningskontoret', central: true },
      { id: 'kultur', name: 'Kulturförvaltningen' },
      { id: 'miljo', name: 'Miljöförvaltningen' },
    ],
    people,
    fee_schedules: [
      { id: 'tiers', tiers: [{ max_population: 50000, amount: '20000' }, { amount: '45000' }] },
      { id: 'per-capita', population_offset: -2, per_capita: { base: '4000', rate: '0.30', max: '49000' } },
    ],
    exchange_rates: [{ currency: 'EUR', year: 2015, rate: '11.25' }],
    networks,
  };
}

/** An inventory whose strings are markup and script payloads. */
export function hostileInventory() {
  const img = '<img src=x onerror="window.__pwned=1">';
  const script = '<script>window.__pwned=2</script>';
  return {
    format: 'natverk/1',
    organisation: { name: `Org ${img}`, currency: 'SEK' },
    units: [{ id: 'u1', name: `Enhet ${script}`, central: true }],
    people: [
      { id: 'p1', name: `Hemlig Person ${img}`, gender: 'woman', role: 'politician', side: 'majority', hourly_cost: '1000' },
      { id: 'p2', name: `Annan Person ${script}`, gender: 'man', role: 'official' },
    ],
    networks: [
      {
        id: 'x1',
        name: `Nätverk ${img}`,
        organiser: `Arrangör ${script}`,
        subjects: [`ämne ${img}`, `ämne ${script}`],
        unit: 'u1',
        start: '2024-01-01',
        participants: [
          { person: 'p1', hours_per_year: '10', role: `styrgrupp ${img}` },
          { person: 'p2', role: 'sekreterare' },
        ],
        costs: [{ kind: 'fee', amount: '1000', note: script }],
      },
    ],
  };
}

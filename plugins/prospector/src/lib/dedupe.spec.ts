import {
  DedupeLead,
  LeadIndex,
  findDuplicate,
  normalizePlaceId,
} from "./dedupe"

const lead = (over: Partial<DedupeLead> & { id: string }): DedupeLead => ({
  place_id: `pid-${over.id}`,
  name: "Garage X",
  ...over,
})

describe("dedupe", () => {
  const existing: DedupeLead[] = [
    lead({
      id: "1",
      place_id: "ChIJ-one",
      phone: "+216 71 234 567",
      name: "Garage Ben Salah",
      location: { lat: 36.8, lng: 10.18 },
    }),
    lead({
      id: "2",
      place_id: "ChIJ-two",
      moved_place_ids: ["ChIJ-two-old"],
      name: "ورشة الأمانة",
      location: { lat: 36.85, lng: 10.2 },
    }),
    lead({
      id: "3",
      place_id: "ChIJ-three",
      phone: null,
      name: "Carrosserie Élite",
      location: { lat: 36.7, lng: 10.1 },
    }),
  ]

  it("matches by place id first (also in places/ form)", () => {
    expect(
      findDuplicate({ place_id: "ChIJ-one", name: "whatever" }, existing)
    ).toEqual(expect.objectContaining({ rule: "place_id", lead: existing[0] }))
    expect(
      findDuplicate({ place_id: "places/ChIJ-one", name: "whatever" }, existing)
        ?.rule
    ).toBe("place_id")
  })

  it("matches a lead known under an older id", () => {
    expect(
      findDuplicate({ place_id: "ChIJ-two-old", name: "x" }, existing)
    ).toEqual(
      expect.objectContaining({ rule: "moved_place_id", lead: existing[1] })
    )
  })

  it("matches a candidate whose movedPlaceId is an existing lead", () => {
    const m = findDuplicate(
      {
        place_id: "ChIJ-closed",
        moved_place_id: "places/ChIJ-three",
        name: "x",
      },
      existing
    )
    expect(m).toEqual(
      expect.objectContaining({ rule: "moved_place_id", lead: existing[2] })
    )
  })

  it("then by normalised phone", () => {
    const m = findDuplicate(
      { place_id: "new", phone: "0021671234567", name: "Autre nom" },
      existing
    )
    expect(m).toEqual(
      expect.objectContaining({ rule: "phone", lead: existing[0] })
    )
  })

  it("then by folded name within 100 m (Latin accents and Arabic spelling)", () => {
    const near = findDuplicate(
      {
        place_id: "new",
        name: "STE CARROSSERIE ELITE",
        location: { lat: 36.7005, lng: 10.1 },
      },
      existing
    )
    expect(near).toEqual(
      expect.objectContaining({ rule: "name_nearby", lead: existing[2] })
    )
    expect(near?.distance_m).toBeGreaterThan(40)
    expect(near?.distance_m).toBeLessThan(70)
    const arabic = findDuplicate(
      {
        place_id: "new",
        name: "ورشه امانه",
        location: { lat: 36.85, lng: 10.2003 },
      },
      existing
    )
    expect(arabic?.rule).toBe("name_nearby")
  })

  it("does not match the same name farther than 100 m, nor without a location", () => {
    expect(
      findDuplicate(
        {
          place_id: "new",
          name: "Carrosserie Elite",
          location: { lat: 36.702, lng: 10.1 },
        },
        existing
      )
    ).toBeNull()
    expect(
      findDuplicate({ place_id: "new", name: "Carrosserie Elite" }, existing)
    ).toBeNull()
  })

  it("respects a configured radius", () => {
    const m = findDuplicate(
      {
        place_id: "new",
        name: "Carrosserie Elite",
        location: { lat: 36.702, lng: 10.1 },
      },
      existing,
      { nameRadiusMeters: 300 }
    )
    expect(m?.rule).toBe("name_nearby")
  })

  it("an index updated during a run dedupes the run itself (a re-run creates nothing)", () => {
    const index = new LeadIndex<DedupeLead>([])
    const incoming = [
      {
        place_id: "a",
        name: "Garage Nour",
        phone: "71 000 111",
        location: { lat: 36.8, lng: 10.1 },
      },
      {
        place_id: "b",
        name: "Garage Sami",
        phone: "+216 71 000 111",
        location: { lat: 36.9, lng: 10.1 },
      },
      {
        place_id: "c",
        name: "garage nour",
        location: { lat: 36.8001, lng: 10.1 },
      },
      { place_id: "a", name: "Garage Nour" },
    ]
    const created: string[] = []
    const rules: string[] = []
    for (const c of incoming) {
      const m = index.match(c)
      if (m) {
        rules.push(m.rule)
      } else {
        created.push(c.place_id)
        index.add({ id: c.place_id, ...c })
      }
    }
    expect(created).toEqual(["a"])
    expect(rules).toEqual(["phone", "name_nearby", "place_id"])
    for (const c of incoming) {
      expect(index.match(c)).not.toBeNull()
    }
  })

  it("normalises place ids", () => {
    expect(normalizePlaceId("places/abc")).toBe("abc")
    expect(normalizePlaceId(" abc ")).toBe("abc")
    expect(normalizePlaceId(null)).toBeNull()
  })
})

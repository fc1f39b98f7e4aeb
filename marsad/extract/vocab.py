"""The extraction vocabulary (actors, places, cue words), loaded once from data files.

CONTRACT (other modules code against these signatures; keep them):

    Data files in marsad/extract/data/: actors.yaml, places.csv, cues.yaml.

    @dataclass(frozen=True)
    class ActorHit:
        actor_id: str        # an id of actors.csv
        start: int           # span on the string given
        end: int
        surface: str         # the matched original text
        kind: str            # "name" | "short" | "leader" | "generic" | "member"
                             # member: a person/unit that belongs to the actor
                             # ("عناصر الحشد", "القوات الأمريكية", "قاعدة أمريكية" -> us_forces)

    @dataclass(frozen=True)
    class PlaceHit:
        name_en: str         # "Ain al-Asad Air Base", "Amarah", "Baghdad"
        governorate: str | None   # one of governorates.csv, None outside Iraq
        country: str         # English: Iraq, Syria, Jordan, ...
        latitude: float | None
        longitude: float | None
        kind: str            # "governorate" | "city" | "district" | "base" | "airport" |
                             # "crossing" | "landmark" | "country"
        start: int
        end: int

    @dataclass(frozen=True)
    class CueHit:
        category: str        # see cues.yaml: "sub_event:<Sub event type>", "weapon:<weapon>",
                             # "claim", "denial", "interception", "accident", "aggregate",
                             # "threat", "statement", "foreign_war", ...
        start: int
        end: int
        surface: str

    find_actors(text: str) -> list[ActorHit]     # longest match wins, no overlaps
    find_places(text: str) -> list[PlaceHit]
    find_cues(text: str) -> list[CueHit]
    actor_umbrella(actor_id: str) -> str | None  # from actors.csv
"""

"""Who the demo applicants are: numbers, names, birth dates, NIK, IPK, priority groups.

Each applicant also gets a general ability (a standard-normal draw) that their scores follow,
so the rows look like a real round where strong candidates are strong on most tests.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from random import Random

from app.scoring import Candidate

from .formations import KECAMATAN, allocate_applicants
from .names import NameMaker
from .scores import NORMAL_TABLE_SIZE

PRIORITY_SHARE = 0.10
AFFIRMATION_SHARE = 0.05
AFFIRMATION_PERCENT = 10

# Ages 20–35 in 2024 (the CPNS age limit is 35 for most posts).
BIRTH_FIRST = date(1989, 1, 1).toordinal()
BIRTH_LAST = date(2004, 12, 31).toordinal()
# IPK in hundredths: mean 3.35, clipped to 2.75–4.00 (2.75 is a common minimum to apply).
IPK_MEAN, IPK_SD, IPK_MIN, IPK_MAX = 335, 25, 275, 400

# NIK: province 12 (Sumatera Utara), city 75 (Binjai), one of its five kecamatan, the birth date
# (day + 40 for women, as Dukcapil writes it) and a serial.
NIK_PREFIX = "1275"
# One applicant in five lives outside Binjai (Medan, Deli Serdang or Langkat), so the
# evaluation's local/non-local group (issue #13) has both sides. Chosen by the running number,
# not drawn, so every other generated value stays what it was for the same seed.
NEIGHBOUR_CODES = ("1271", "1207", "1205")
NON_LOCAL_EVERY = 5
# Participant numbers: year, Binjai's code, then a running number (sequential per formation).
NUMBER_PREFIX = "241275"


class Applicants:
    """The applicants of one run, in participant order, with what the rows need of each.

    The lists are indexed like ``people``; ``by_formation`` gives each formation's indices.
    A generator may swap an applicant's details in place (ties), never replace the lists.
    """

    def __init__(
        self,
        rng: Random,
        table: tuple[float, ...],
        formations: list[dict[str, str]],
        *,
        uses_priority: bool,
        uses_affirmation: bool,
    ):
        self.rng = rng
        self.table = table
        self.formations = formations
        self.uses_priority = uses_priority
        self.uses_affirmation = uses_affirmation
        self.people: list[Candidate] = []
        self.by_formation: dict[str, list[int]] = {}
        self.ability: list[float] = []
        self.female: list[bool] = []
        self.kecamatan: list[int] = []
        self.regency: list[str] = []
        self.nik: list[str] = []
        self.nik_serials: dict[str, int] = {}
        self.ipk_text: list[str] = []

    def make_people(self, total: int) -> None:
        """``total`` applicants spread unevenly over the formations."""
        rng = self.rng
        random = rng.random
        table = self.table
        names = NameMaker(rng)
        fromordinal = date.fromordinal
        birth_span = BIRTH_LAST - BIRTH_FIRST + 1
        counts = allocate_applicants(rng, total, self.formations)
        running = 0
        for formation, count in zip(self.formations, counts, strict=True):
            code = formation["kode_formasi"]
            indices = self.by_formation.setdefault(code, [])
            for _ in range(count):
                running += 1
                female = random() < 0.5
                ability = table[int(random() * NORMAL_TABLE_SIZE)]
                birth = fromordinal(BIRTH_FIRST + int(random() * birth_span))
                hundredths = round(
                    IPK_MEAN
                    + IPK_SD * (0.3 * ability + 0.95 * table[int(random() * NORMAL_TABLE_SIZE)])
                )
                hundredths = min(IPK_MAX, max(IPK_MIN, hundredths))
                ipk = f"{hundredths // 100}.{hundredths % 100:02d}"
                priority: int | None = None
                affirmation: Decimal | None = None
                if self.uses_priority and random() < PRIORITY_SHARE:
                    priority = rng.randint(1, 4)
                if self.uses_affirmation and random() < AFFIRMATION_SHARE:
                    affirmation = Decimal(AFFIRMATION_PERCENT)
                kecamatan = int(random() * len(KECAMATAN))
                indices.append(len(self.people))
                self.people.append(
                    Candidate(
                        number=f"{NUMBER_PREFIX}{running:08d}",
                        name=names.make(female),
                        formation=code,
                        birth_date=birth,
                        ipk=Decimal(ipk),
                        priority_group=priority,
                        affirmation_percent=affirmation,
                        marks=(),
                        entries={},
                    )
                )
                self.ability.append(ability)
                self.female.append(female)
                self.kecamatan.append(kecamatan)
                self.ipk_text.append(ipk)
                regency = (
                    NEIGHBOUR_CODES[(running // NON_LOCAL_EVERY) % len(NEIGHBOUR_CODES)]
                    if running % NON_LOCAL_EVERY == 0
                    else NIK_PREFIX
                )
                self.regency.append(regency)
                self.nik.append(self.new_nik(female, kecamatan, birth, regency))

    def new_nik(self, female: bool, kecamatan: int, birth: date, regency: str = NIK_PREFIX) -> str:
        """A NIK as Dukcapil writes it: regency or city, kecamatan, birth date (day + 40 for
        women), serial."""
        day = birth.day + 40 if female else birth.day
        head = f"{regency}{kecamatan + 1:02d}{day:02d}{birth.month:02d}{birth.year % 100:02d}"
        serial = self.nik_serials.get(head, 0) + 1
        self.nik_serials[head] = serial
        return f"{head}{serial:04d}"

    def participant_rows(self) -> list[dict[str, str]]:
        """The participants import file's rows (PPPK columns when the scheme uses them)."""
        pppk = self.uses_priority or self.uses_affirmation
        education = {f["kode_formasi"]: f["pendidikan"] for f in self.formations}
        rows = []
        for i, person in enumerate(self.people):
            row = {
                "nomor_peserta": person.number,
                "nama": person.name,
                "tanggal_lahir": person.birth_date.isoformat(),
                "kode_formasi": person.formation,
                "nik": self.nik[i],
                "pendidikan": education[person.formation],
                "ipk": self.ipk_text[i],
            }
            if pppk:
                group = person.priority_group
                bonus = person.affirmation_percent
                row["kelompok_prioritas"] = "" if group is None else str(group)
                row["afirmasi_persen"] = "" if bonus is None else str(bonus)
            rows.append(row)
        return rows

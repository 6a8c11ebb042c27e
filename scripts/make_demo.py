#!/usr/bin/env python3
"""Write Resources/demo/demo.json, the demo dataset that `tthtcd --demo` opens a fresh copy of.

The dataset is plain data; this script only spares writing every field of every record by hand. Run it with
the system python3 (standard library only) and commit its output:

    python3 scripts/make_demo.py > Resources/demo/demo.json

Province: Ninh Bình (37). Centres in every state, one pointing to a commune abolished in 2025 that has not
been merged yet (flagged in the roster), real commune codes from Resources/units/units.json.
"""
import base64
import hashlib
import json
import random
import sys

FACILITIES = ["bookcase", "tablesAndChairs", "computers", "internet", "loudspeaker", "projector", "other"]


def facilities(**counts):
    items = []
    for kind in FACILITIES:
        count = counts.get(kind, 0)
        items.append({"kind": kind, "present": count > 0, "count": count if kind != "internet" else 0})
    return items


def decision(number="", date=None, issuer=""):
    d = {"number": number, "issuer": issuer}
    if date:
        d["date"] = date
    return d


def training(date, topic, hours=4, organiser="Sở Giáo dục và Đào tạo Ninh Bình"):
    return {"date": date, "topic": topic, "hours": hours, "organiser": organiser}


TRAINED = [training("2026-03-12", "Quản lý TTHTCĐ theo Thông tư 11/2025"),
           training("2026-08-20", "Xây dựng kế hoạch hoạt động từ khảo sát nhu cầu", 8, "Hội Khuyến học tỉnh")]


def member(name, role, body, position, post, decision_, start, end=None, sex="male", born=1975, duties="",
           phone="", trainings=(), employment="concurrent"):
    m = {"centreID": 0, "fullName": name, "sex": sex, "birthYear": born, "role": role, "homeBody": body,
         "position": position, "post": post, "employment": employment, "decision": decision_, "termStart": start,
         "duties": duties, "phone": phone, "trainings": list(trainings)}
    if end:
        m["termEnd"] = end
    return m


WOMEN = {"Nghĩa Sơn": "Đỗ Thị Lan", "Nghĩa Lâm": "Vương Thị Nhung", "Rạng Đông": "Lưu Thị Duyên",
         "Hải Hậu": "Kim Thị Oanh", "Phú Sơn": "Hồ Thị Liên", "Hoa Lư": "Tạ Thị Thanh"}


def compliant_board(commune, director="Trần Văn Minh", deputy1="Nguyễn Thị Hoa", deputy2="Phạm Văn Thắng",
                    teacher="Lê Thị Thu", skip=()):
    """A board that meets every rule; `skip` drops members to make one rule fail."""
    issuer = "UBND xã " + commune
    qd = lambda n, d: decision(f"{n}/QĐ-UBND", d, issuer)
    board = {
        "director": member(director, "director", "communeCommittee", "viceChairman",
                           f"Phó Chủ tịch UBND xã {commune}", qd(101, "2025-07-15"), "2025-07-15",
                           duties="Phụ trách chung; duyệt kế hoạch năm", phone="0912 345 678", trainings=TRAINED),
        "studyPromotion": member(deputy1, "deputyDirector", "studyPromotionAssociation", "associationPresident",
                                 f"Chủ tịch Hội Khuyến học xã {commune}", qd(102, "2025-07-15"), "2025-07-15",
                                 sex="female", born=1962, duties="Vận động người học; khảo sát nhu cầu",
                                 trainings=TRAINED),
        "school": member(deputy2, "deputyDirector", "lowerSecondarySchool", "principal",
                         f"Hiệu trưởng Trường THCS {commune}", qd(103, "2025-07-15"), "2025-07-15", born=1978,
                         duties="Chuyên môn; lớp học và giáo viên", trainings=TRAINED),
        "women": member(WOMEN.get(commune, "Đỗ Thị Lan"), "member", "womensUnion", "associationPresident",
                        f"Chủ tịch Hội LHPN xã {commune}", qd(104, "2025-07-15"), "2025-07-15", sex="female",
                        born=1980, duties="Lớp kỹ năng sống, chăm sóc trẻ"),
        "teacher": member(teacher, "assignedTeacher", "primarySchool", "teacher", f"Giáo viên Trường TH {commune}",
                          qd(105, "2025-08-01"), "2025-08-01", sex="female", born=1990,
                          duties="Lớp xóa mù chữ, sau xóa mù chữ"),
    }
    return [m for k, m in board.items() if k not in skip]


def centre(commune, name, address, est, model="rural", pilot=False, venues=(), fac=None, other="",
           entered=None, history=(), board=(), villages=(), surveys=(), plans=(), evaluations=(), staff=(), funding=()):
    return {
        "centre": {
            "code": "", "name": name, "provinceCode": 37, "communeCode": commune, "address": address,
            "establishment": est, "model": model, "isPilot": pilot,
            "venues": [{"name": n, "kind": k, "village": v} for (n, k, v) in venues],
            "villages": list(villages),
            "facilities": fac or facilities(), "otherFacilities": other,
            "status": "active", "statusDecision": decision(), "statusReason": "",
        },
        "enteredAt": entered or (est["date"] + "T08:30:00Z"),
        "history": list(history),
        "board": list(board),
        "surveys": list(surveys),
        "plans": list(plans),
        "evaluations": list(evaluations),
        "staff": list(staff),
        "funding": list(funding),
    }


def step(to, number, date, issuer, reason, at, merged=None):
    s = {"to": to, "decision": decision(number, date, issuer), "reason": reason, "recordedAt": at}
    if merged:
        s["mergedInto"] = merged
    return s


# Learning-needs survey of Nghĩa Sơn: needs differ by village. Coastal hamlets want aquaculture and household
# economy, farming hamlets crops, livestock and extension, the hamlets by the town IT, languages and trades.
NGHIA_SON_VILLAGES = ["Xóm 1", "Xóm 2", "Xóm 3", "Xóm 4", "Xóm 5", "Xóm 6", "Xóm 7", "Xóm 8"]
VILLAGE_NEEDS = {
    "coastal": ([3, 11, 6, 5, 14], [2, 1]),
    "farming": ([1, 2, 4, 5, 6], [3, 1]),
    "town": ([8, 9, 10, 15, 13], [1, 4]),
}
VILLAGE_KIND = {"Xóm 1": "coastal", "Xóm 2": "coastal", "Xóm 3": "coastal", "Xóm 4": "farming",
                "Xóm 5": "farming", "Xóm 6": "farming", "Xóm 7": "town", "Xóm 8": "town"}
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô"]
MIDDLE_M = ["Văn", "Đức", "Minh", "Quang", "Hữu"]
MIDDLE_F = ["Thị", "Thị", "Thu", "Ngọc", "Thanh"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phúc", "Sơn", "Tùng"]
GIVEN_F = ["Anh", "Châu", "Dung", "Hà", "Hạnh", "Hoa", "Lan", "Linh", "Mai", "Nga", "Thảo", "Yến"]


def survey_responses(count, year, seed):
    rng = random.Random(seed)
    out = []
    for i in range(count):
        village = rng.choice(NGHIA_SON_VILLAGES)
        kind = VILLAGE_KIND[village]
        wanted, formats = VILLAGE_NEEDS[kind]
        sex = rng.choice([1, 2])
        born = rng.randint(1950, 2004) if kind != "town" else rng.randint(1975, 2006)
        name = " ".join([rng.choice(FAMILY), rng.choice(MIDDLE_M if sex == 1 else MIDDLE_F),
                         rng.choice(GIVEN_M if sex == 1 else GIVEN_F)])
        k = rng.choice([1, 2, 2, 3])
        topics = sorted(set(rng.sample(wanted[:4], k - 1) + [wanted[0] if rng.random() < 0.7 else rng.choice(wanted)]))
        if rng.random() < 0.15:
            topics = sorted(set(topics + [rng.choice([12, 16, 7])]))[:5]
        occupation = {"coastal": [2, 2, 4, 7], "farming": [1, 1, 1, 7, 8], "town": [3, 4, 6, 5, 9]}[kind]
        answers = {
            "serial": {"text": f"NS-{year}-{i + 1:03d}"},
            "name": {"text": name},
            "village": {"text": village},
            "sex": {"codes": [sex]},
            "birthYear": {"number": born},
            "ethnicity": {"codes": [1 if rng.random() < 0.93 else 2]},
            "education": {"codes": [rng.choice([2, 3, 3, 4, 4, 5])]},
            "occupation": {"codes": [rng.choice(occupation)]},
            "household": {"codes": [rng.choice([1, 1, 1, 1, 2, 3])]},
            "disability": {"codes": [2 if rng.random() < 0.05 else 1]},
            "topics": {"codes": topics},
            "format": {"codes": [rng.choice(formats) if rng.random() < 0.8 else rng.choice([1, 2, 3, 4])]},
            "timeOfDay": {"codes": [3 if kind != "town" or rng.random() < 0.5 else 4]},
            "season": {"codes": [1 if kind != "town" else 4]},
            "venue": {"codes": [1 if kind != "town" else 2]},
            "length": {"codes": [rng.choice([1, 2, 2, 3])]},
            "barriers": {"codes": [rng.choice([1, 2, 3, 6])]},
            "internet": {"codes": [1 if kind == "town" or rng.random() < 0.6 else 2]},
        }
        if answers["disability"]["codes"] == [2]:
            answers["disabilityKind"] = {"codes": [rng.choice([1, 2, 3])]}
        out.append(answers)
    return out


NGHIA_SON_SURVEYS = [
    {"campaign": {"centreID": 0, "year": 2026, "title": "Khảo sát nhu cầu học tập năm 2026",
                  "methods": ["villageMeeting", "householdForm"], "start": "2026-01-05", "end": "2026-02-28",
                  "responsible": "Nguyễn Thị Hoa", "target": 320, "questionnaireVersion": 1},
     "responses": survey_responses(300, 2026, 2026)},
    {"campaign": {"centreID": 0, "year": 2025, "title": "Khảo sát nhu cầu học tập năm 2025",
                  "methods": ["villageMeeting"], "start": "2025-02-10", "end": "2025-03-15",
                  "responsible": "Nguyễn Thị Hoa", "target": 150, "questionnaireVersion": 1},
     "responses": survey_responses(120, 2025, 2025)},
]

def activity(title, topic, fmt, learners, venue, month, responsible, cost=0, source="communeBudget", done=None):
    a = {"title": title, "topic": topic, "format": fmt, "targetGroup": "", "expectedLearners": learners,
         "venue": venue, "month": month, "speaker": "", "responsible": responsible, "partner": "", "cost": cost,
         "costSource": source,
         "outcome": {"state": "planned", "participants": 0, "women": 0, "ethnicMinority": 0, "notes": ""}}
    if done:
        a["outcome"] = {"state": "done", "actualDate": done[0], "participants": done[1], "women": done[2],
                        "ethnicMinority": 0, "notes": ""}
        if len(done) > 3:
            a["outcome"]["cost"] = done[3]
    return a


def plan(year, title, status, activities, steps, kind="annual"):
    classes = sum(1 for a in activities if a["format"] == "classSession")
    talks = sum(1 for a in activities if a["format"] == "talk")
    learners = sum(a["expectedLearners"] for a in activities)
    return {"centreID": 0, "kind": kind, "year": year, "title": title,
            # These plans rest on no survey: they must not claim its results (issue 10, item 5).
            "legalBases": "Căn cứ Thông tư số 11/2025/TT-BGDĐT ngày 12/6/2025 của Bộ trưởng Bộ Giáo dục và Đào tạo.",
            "campaignIDs": [], "targetClasses": classes, "targetTalks": talks, "targetLearners": learners,
            "status": status, "version": 1, "activities": activities,
            "history": [{"action": a, "username": u, "at": t, "comment": c} for (a, u, t, c) in steps]}


HOA_LU_PLAN = plan(2026, "Kế hoạch hoạt động năm 2026", "approved", [
    activity("Lớp tin học cơ bản cho người lớn tuổi", 8, "classSession", 30, "Nhà văn hóa phường", 3, "Nguyễn Văn Hải",
             4500000, done=("2026-03-20", 28, 17, 4200000)),
    activity("Nói chuyện pháp luật giao thông", 5, "talk", 80, "Nhà văn hóa phường", 5, "Trần Thị Bích", 1000000,
             done=("2026-05-15", 92, 40, 950000)),
    activity("Câu lạc bộ đọc sách thiếu nhi", 16, "club", 40, "Nhà văn hóa phường", 6, "Tạ Thị Thanh"),
    activity("Lớp kỹ năng sống cho thanh niên", 15, "classSession", 35, "Nhà văn hóa phường", 9, "Lê Minh Tuấn", 3000000,
             "contributions"),
], [("submit", "giamdoc", "2026-01-12T02:00:00Z", ""), ("approve", "chutich", "2026-01-20T03:00:00Z", "")])

KIM_SON_PLAN = plan(2026, "Kế hoạch hoạt động năm 2026", "submitted", [
    activity("Lớp trồng lúa chất lượng cao", 1, "classSession", 40, "Nhà văn hóa trung tâm xã", 2, "Giám đốc"),
    activity("Nói chuyện phòng chống ma túy", 13, "talk", 100, "Nhà văn hóa trung tâm xã", 6, "Giám đốc", 800000),
], [("submit", "giamdoc", "2026-11-10T02:00:00Z", "")])


# Issue 14: evaluations (one finished, one awaiting assessment, none for Kim Sơn; two years of Chưa đạt for Yên Mô,
# flagged for review), teachers and speakers, a year of money. Evidence values are what the data held when the
# centre submitted; ranks follow the shipped thresholds (Tốt >= 85%, Khá >= 70%, Trung bình >= 50% of 100).
ITEMS = ["board", "trainings", "annualPlan", "survey", "activitiesDone", "facilities", "funding", "partners",
         "learners", "impact"]
EVIDENCE_KIND = {"board": "boardCompliance", "trainings": "trainings", "annualPlan": "annualPlan",
                 "survey": "surveyThisYear", "activitiesDone": "activitiesDone", "facilities": "facilities",
                 "funding": "fundingReceived", "learners": "learnersReached"}


def rank_of(total):
    return "good" if total >= 85 else "fair" if total >= 70 else "average" if total >= 50 else "notMet"


def evaluation(uid, year, status, scores, evidence, history, notes=None, comments=None, overrides=None):
    """scores: item -> (self, officer or None); evidence: item -> (achieved, outOf[, detail])."""
    notes, comments, overrides = notes or {}, comments or {}, overrides or {}
    items = []
    for item in ITEMS:
        mine, theirs = scores[item]
        entry = {"itemID": item, "overrideReason": "", "selfScore": mine, "selfNote": notes.get(item, ""),
                 "officerComment": comments.get(item, "")}
        if theirs is not None:
            entry["officerScore"] = theirs
        if item in evidence:
            value = evidence[item]
            entry["evidence"] = {"kind": EVIDENCE_KIND[item], "achieved": value[0], "outOf": value[1],
                                 "detail": value[2] if len(value) > 2 else 0}
        if item in overrides:
            (achieved, reason) = overrides[item]
            entry["override"] = {"kind": EVIDENCE_KIND[item], "achieved": achieved,
                                 "outOf": evidence[item][1], "detail": 0}
            entry["overrideReason"] = reason
        items.append(entry)
    self_total = sum(scores[i][0] for i in ITEMS)
    e = {"uid": uid, "centreID": 0, "year": year, "criteriaSetID": "cv2553-default", "status": status,
         "items": items, "selfRank": rank_of(self_total),
         "history": [{"action": a, "username": u, "at": t, "comment": c} for (a, u, t, c) in history]}
    if status == "confirmed":
        e["rank"] = rank_of(sum(scores[i][1] for i in ITEMS))
    return e


HOA_LU_EVALUATION = evaluation(
    "3f1c9a2e-5b7d-4c1a-9e2f-0a1b2c3d4e01", 2026, "confirmed",
    {"board": (10, 10), "trainings": (7, 7), "annualPlan": (10, 10), "survey": (10, 6), "activitiesDone": (5, 5),
     "facilities": (10, 10), "funding": (8, 8), "partners": (8, 8), "learners": (6, 6), "impact": (9, 8)},
    {"board": (1, 1), "trainings": (5, 7), "annualPlan": (1, 1), "survey": (0, 0), "activitiesDone": (2, 4),
     "facilities": (3, 3), "funding": (12500000, 15000000), "learners": (120, 185)},
    [("submit", "giamdoc", "2026-11-05T02:00:00Z", ""), ("confirm", "chuyenvien", "2026-11-18T03:00:00Z", "")],
    notes={"partners": "Phối hợp Hội Phụ nữ, Đoàn Thanh niên và Công an phường"},
    comments={"survey": "Chưa nhập phiếu vào phần mềm; chỉ có biên bản họp tổ dân phố",
              "impact": "Cần bổ sung ý kiến người học"},
    overrides={"survey": (85, "Khảo sát bằng phiếu giấy tại 5 tổ dân phố, chưa nhập vào phần mềm")})

NGHIA_SON_EVALUATION = evaluation(
    "3f1c9a2e-5b7d-4c1a-9e2f-0a1b2c3d4e02", 2026, "submitted",
    {"board": (10, None), "trainings": (6, None), "annualPlan": (0, None), "survey": (10, None),
     "activitiesDone": (0, None), "facilities": (10, None), "funding": (6, None), "partners": (7, None),
     "learners": (0, None), "impact": (6, None)},
    {"board": (1, 1), "trainings": (3, 5), "annualPlan": (0, 1), "survey": (300, 0), "activitiesDone": (0, 0),
     "facilities": (3, 3), "funding": (0, 0), "learners": (0, 0)},
    [("submit", "giamdoc", "2026-11-12T02:00:00Z", "")],
    notes={"annualPlan": "Kế hoạch năm đang trình UBND xã phê duyệt"})


def weak_evaluation(uid, year, total_self, total_officer, at):
    """A centre that hardly works: low everywhere."""
    base = {"board": (4, 4), "trainings": (0, 0), "annualPlan": (0, 0), "survey": (0, 0), "activitiesDone": (0, 0),
            "facilities": (7, 7), "funding": (3, 3), "partners": (5, 4), "learners": (0, 0), "impact": (5, 4)}
    # Spread the difference to the given totals on the last item.
    s = sum(v[0] for v in base.values())
    o = sum(v[1] for v in base.values())
    base["impact"] = (base["impact"][0] + total_self - s, base["impact"][1] + total_officer - o)
    return evaluation(uid, year, "confirmed", base,
                      {"board": (0, 1, 2), "trainings": (0, 3), "annualPlan": (0, 1), "survey": (0, 0),
                       "activitiesDone": (0, 0), "facilities": (2, 3), "funding": (0, 0), "learners": (0, 0)},
                      [("submit", "giamdoc", at[0], ""), ("confirm", "chuyenvien", at[1], "")],
                      comments={"partners": "Chưa có chương trình phối hợp", "impact": "Hầu như không hoạt động"})


YEN_MO_EVALUATIONS = [
    weak_evaluation("3f1c9a2e-5b7d-4c1a-9e2f-0a1b2c3d4e03", 2025, 24, 22,
                    ("2025-11-20T02:00:00Z", "2025-12-10T03:00:00Z")),
    weak_evaluation("3f1c9a2e-5b7d-4c1a-9e2f-0a1b2c3d4e04", 2026, 26, 24,
                    ("2026-11-10T02:00:00Z", "2026-11-19T03:00:00Z")),
]

CUC_PHUONG_EVALUATIONS = [evaluation(
    "3f1c9a2e-5b7d-4c1a-9e2f-0a1b2c3d4e05", 2025, "confirmed",
    {"board": (8, 8), "trainings": (6, 6), "annualPlan": (10, 10), "survey": (10, 10), "activitiesDone": (8, 7),
     "facilities": (7, 7), "funding": (7, 7), "partners": (8, 7), "learners": (7, 7), "impact": (8, 7)},
    {"board": (0, 1, 1), "trainings": (2, 3), "annualPlan": (1, 1), "survey": (64, 0), "activitiesDone": (5, 6),
     "facilities": (2, 3), "funding": (18000000, 25000000), "learners": (140, 200)},
    [("submit", "giamdoc", "2025-11-25T02:00:00Z", ""), ("confirm", "chuyenvien", "2025-12-12T03:00:00Z", "")],
    comments={"activitiesDone": "Một lớp chuyển sang năm sau", "partners": "Thiếu biên bản phối hợp",
              "impact": "Cần bổ sung ý kiến người học"})]


def person(uid, name, kind, field, workplace, trainings=(), phone="", active=True):
    return {"uid": uid, "centreID": 0, "fullName": name, "kind": kind, "field": field, "workplace": workplace,
            "phone": phone, "active": active, "trainings": list(trainings)}


HOA_LU_STAFF = [
    person("7a2d0c4e-1111-4b2a-8c3d-000000000001", "Đặng Văn Luật", "speaker", "Pháp luật, an toàn giao thông",
           "Công an phường Hoa Lư", TRAINED, phone="0913 222 111"),
    person("7a2d0c4e-1111-4b2a-8c3d-000000000002", "Phạm Thị Hương", "teacher", "Tin học", "Trường THCS Hoa Lư",
           TRAINED[:1]),
    person("7a2d0c4e-1111-4b2a-8c3d-000000000003", "Ngô Minh Đức", "volunteer", "Câu lạc bộ đọc sách",
           "Đoàn Thanh niên phường"),
]
NGHIA_SON_STAFF = [
    person("7a2d0c4e-1111-4b2a-8c3d-000000000004", "Trần Văn Thủy", "speaker", "Nuôi trồng thủy sản",
           "Trạm khuyến nông", TRAINED),
    person("7a2d0c4e-1111-4b2a-8c3d-000000000005", "Lê Thị Mến", "teacher", "Xóa mù chữ, sau xóa mù chữ",
           "Trường TH Nghĩa Sơn", TRAINED),
]


def receipt(uid, date, source, amount, donor="", note=""):
    return {"uid": uid, "centreID": 0, "date": date, "source": source, "amount": amount, "donor": donor,
            "note": note}


def funding(year, estimate, prepared, allocated, receipts, note=""):
    return {"centreID": 0, "year": year, "estimate": estimate, "preparedBy": prepared, "allocated": allocated,
            "note": note, "receipts": receipts, "spent": 0}


HOA_LU_FUNDING = [funding(2026, 15000000, "Hội Khuyến học phường Hoa Lư", 12000000, [
    receipt("9b3e1d5f-2222-4c3b-9d4e-000000000001", "2026-02-10", "communeBudget", 10000000,
            note="Quyết định 15/QĐ-UBND giao dự toán"),
    receipt("9b3e1d5f-2222-4c3b-9d4e-000000000002", "2026-05-05", "contributions", 2500000,
            donor="Công ty CP Du lịch Tràng An", note="Ủng hộ lớp kỹ năng sống"),
], note="Quyết định 15/QĐ-UBND ngày 05/02/2026")]
CUC_PHUONG_FUNDING = [funding(2026, 25000000, "Hội Khuyến học xã Cúc Phương", 20000000, [
    receipt("9b3e1d5f-2222-4c3b-9d4e-000000000003", "2026-03-01", "communeBudget", 12000000),
    receipt("9b3e1d5f-2222-4c3b-9d4e-000000000004", "2026-06-15", "programme", 3000000,
            donor="Chương trình mục tiêu quốc gia phát triển KT-XH vùng đồng bào DTTS"),
])]

P = "Trung tâm học tập cộng đồng "
CENTRES = [
    centre(13918, P + "xã Nghĩa Sơn", "Trụ sở UBND xã Nghĩa Sơn",
           decision("86/QĐ-UBND", "2025-07-15", "UBND xã Nghĩa Sơn"), pilot=True,
           venues=[("Hội trường UBND xã", "communeHall", ""), ("Nhà văn hóa xóm 3", "villageCulturalHouse", "Xóm 3"),
                   ("Trường THCS Nghĩa Sơn", "school", "Xóm 5")],
           fac=facilities(bookcase=3, tablesAndChairs=60, computers=5, internet=1, loudspeaker=2, projector=1),
           villages=NGHIA_SON_VILLAGES, surveys=NGHIA_SON_SURVEYS, evaluations=[NGHIA_SON_EVALUATION],
           staff=NGHIA_SON_STAFF,
           board=compliant_board("Nghĩa Sơn") + [
               member("Vũ Đức Hạnh", "director", "communeCommittee", "chairman", "Chủ tịch UBND xã Nghĩa Sơn (cũ)",
                      decision("56/QĐ-UBND", "2020-03-02", "UBND huyện Nghĩa Hưng"), "2020-03-02", end="2025-07-14",
                      born=1966, duties="Phụ trách chung")]),
    centre(13957, P + "xã Nghĩa Lâm", "Xóm 7, xã Nghĩa Lâm",
           decision("112/QĐ-UBND", "2025-08-02", "UBND xã Nghĩa Lâm"),
           venues=[("Nhà văn hóa xóm 7", "villageCulturalHouse", "Xóm 7")],
           fac=facilities(bookcase=1, tablesAndChairs=30, loudspeaker=1),
           villages=["Xóm 1", "Xóm 2", "Xóm 3", "Xóm 4", "Xóm 5", "Xóm 6", "Xóm 7"],
           board=compliant_board("Nghĩa Lâm", director="Hoàng Văn Nam", deputy2="Bùi Quang Huy",
                                 teacher="Ngô Thị Mai", skip=("studyPromotion",))),
    centre(13894, P + "xã Rạng Đông", "Khu 2, xã Rạng Đông",
           decision("45/QĐ-UBND", "2025-07-20", "UBND xã Rạng Đông"),
           venues=[("Nhà văn hóa khu 2", "villageCulturalHouse", "Khu 2"), ("Điểm bưu điện văn hóa", "other", "Khu 4")],
           fac=facilities(bookcase=2, tablesAndChairs=40, computers=2, internet=1, loudspeaker=1),
           board=[
               member("Đinh Văn Tùng", "director", "primarySchool", "principal", "Hiệu trưởng Trường TH Rạng Đông",
                      decision("12/QĐ-UBND", "2025-08-05", "UBND xã Rạng Đông"), "2025-08-05",
                      duties="Phụ trách chung", trainings=TRAINED),
           ] + compliant_board("Rạng Đông", deputy1="Phan Thị Nga", deputy2="Lương Văn Sơn",
                               skip=("director", "teacher"))),
    centre(14215, P + "xã Hải Hậu", "Thị trấn Yên Định cũ, xã Hải Hậu",
           decision("201/QĐ-UBND", "2025-09-10", "UBND xã Hải Hậu"),
           venues=[("Thư viện xã Hải Hậu", "library", "")],
           fac=facilities(bookcase=5, tablesAndChairs=80, computers=10, internet=1, loudspeaker=2, projector=2),
           board=compliant_board("Hải Hậu", director="Mai Văn Khải", deputy1="Trịnh Thị Huệ", deputy2="Tô Văn Lực",
                                 teacher="Dương Thị Yến", skip=("women",)) + [
               member("Cao Văn Bảo", "director", "communeCommittee", "chairman", "Chủ tịch UBND xã Hải Hậu",
                      decision("77/QĐ-UBND", "2025-09-20", "UBND huyện Hải Hậu"), "2025-09-20", born=1970,
                      trainings=TRAINED),
           ]),
    centre(14404, P + "xã Cúc Phương", "Bản Đồi, xã Cúc Phương",
           decision("17/QĐ-UBND", "2025-07-28", "UBND xã Cúc Phương"), model="mountainous",
           venues=[("Nhà văn hóa bản Đồi", "villageCulturalHouse", "Bản Đồi"),
                   ("Nhà văn hóa bản Nga", "villageCulturalHouse", "Bản Nga")],
           fac=facilities(bookcase=1, tablesAndChairs=20, loudspeaker=1), evaluations=CUC_PHUONG_EVALUATIONS,
           funding=CUC_PHUONG_FUNDING,
           board=[
               member("Hà Văn Páo", "director", "communeCommittee", "viceChairman", "Phó Chủ tịch UBND xã Cúc Phương",
                      decision("08/QĐ-UBND", "2025-08-01", "UBND xã Cúc Phương"), "2025-08-01", born=1979,
                      duties="Phụ trách chung", trainings=TRAINED[:1]),
               member("Đinh Thị Xuân", "deputyDirector", "studyPromotionAssociation", "associationPresident",
                      "Chủ tịch Hội Khuyến học xã Cúc Phương", decision(), "2025-08-01", sex="female", born=1965,
                      duties="Vận động người học", trainings=TRAINED),
               member("Quách Thị Hiền", "assignedTeacher", "primarySchool", "teacher", "Giáo viên Trường TH Cúc Phương",
                      decision("09/QĐ-UBND", "2025-08-01", "UBND xã Cúc Phương"), "2025-08-01", sex="female",
                      born=1992),
           ]),
    centre(14407, P + "xã Phú Sơn", "Thôn Đồng Chưa, xã Phú Sơn",
           decision("52/QĐ-UBND", "2025-07-16", "UBND xã Phú Sơn"), model="mountainous",
           fac=facilities(tablesAndChairs=12),
           history=[step("suspended", "309/QĐ-UBND", "2025-10-01", "UBND xã Phú Sơn",
                         "Chưa kiện toàn Ban giám đốc; trụ sở đang sửa chữa sau bão", "2025-10-02T03:00:00Z")],
           # The director left on 1 September 2025 and nobody replaced him.
           board=[dict(compliant_board("Phú Sơn", director="Bạch Văn Long")[0], termEnd="2025-09-01")]
           + compliant_board("Phú Sơn", deputy1="Lã Thị Hương", deputy2="Kiều Văn Đạt", teacher="Mạc Thị Hằng",
                               skip=("director",)) + [
               member("Kiều Văn Đạt", "member", "lowerSecondarySchool", "principal", "Hiệu trưởng Trường THCS Phú Sơn",
                      decision("110/QĐ-UBND", "2025-08-01", "UBND xã Phú Sơn"), "2025-08-01", born=1978,
                      duties="Thư ký"),
           ]),
    centre(14329, P + "phường Hoa Lư", "Số 12 đường Trần Hưng Đạo, phường Hoa Lư",
           decision("09/QĐ-UBND", "2025-07-05", "UBND phường Hoa Lư"), model="culturalHouse",
           venues=[("Nhà văn hóa phường", "villageCulturalHouse", "Tổ dân phố 5")],
           fac=facilities(bookcase=4, tablesAndChairs=100, computers=8, internet=1, loudspeaker=3, projector=2, other=1),
           other="Màn hình LED ngoài trời", plans=[HOA_LU_PLAN], evaluations=[HOA_LU_EVALUATION], staff=HOA_LU_STAFF,
           funding=HOA_LU_FUNDING,
           board=[dict(m, post=m["post"].replace("xã Hoa Lư", "phường Hoa Lư"),
                       decision=dict(m["decision"], issuer="UBND phường Hoa Lư"))
                  for m in compliant_board("Hoa Lư", director="Nguyễn Văn Hải", deputy1="Trần Thị Bích",
                                           deputy2="Lê Minh Tuấn", teacher="Vũ Thị Ngọc")]),
    centre(14362, P + "phường Tam Điệp", "Tổ dân phố 3, phường Tam Điệp",
           decision("31/QĐ-UBND", "2025-08-18", "UBND phường Tam Điệp"), model="urbanWard",
           fac=facilities(bookcase=2, tablesAndChairs=50, computers=4, internet=1, projector=1)),
    centre(14638, P + "xã Kim Sơn", "Nhà văn hóa trung tâm xã Kim Sơn",
           decision("77/QĐ-UBND", "2025-08-25", "UBND xã Kim Sơn"), model="culturalHouse", plans=[KIM_SON_PLAN],
           fac=facilities(bookcase=2, tablesAndChairs=70, loudspeaker=2)),
    centre(14701, P + "xã Yên Mô", "Thôn Tiên Hưng, xã Yên Mô",
           decision("140/QĐ-UBND", "2025-09-03", "UBND xã Yên Mô"),
           fac=facilities(bookcase=1, tablesAndChairs=25, computers=1), evaluations=YEN_MO_EVALUATIONS),
    centre(14167, P + "xã Giao Thuỷ", "Xóm Lạc Thiện, xã Giao Thuỷ",
           decision("66/QĐ-UBND", "2025-07-30", "UBND xã Giao Thuỷ"),
           fac=facilities(bookcase=1, tablesAndChairs=35, computers=2, internet=1, loudspeaker=1)),
    # Centres of communes abolished on 1 July 2025.
    centre(14137, P + "xã Nghĩa Hồng", "Xóm 4, xã Nghĩa Hồng (cũ)",
           decision("25/QĐ-UBND", "2010-05-12", "UBND huyện Nghĩa Hưng"),
           fac=facilities(bookcase=1, tablesAndChairs=20), entered="2023-02-10T02:00:00Z",
           history=[step("merged", "95/QĐ-UBND", "2025-07-25", "UBND xã Nghĩa Sơn",
                         "Sắp xếp đơn vị hành chính cấp xã năm 2025", "2025-07-26T02:00:00Z", merged="TT13918")]),
    centre(14398, P + "xã Gia Thủy", "Thôn Đoài, xã Gia Thủy (cũ)",
           decision("14/QĐ-UBND", "2009-11-20", "UBND huyện Nho Quan"), model="mountainous",
           entered="2023-02-10T02:00:00Z",
           history=[step("suspended", "60/QĐ-UBND", "2024-06-01", "UBND huyện Nho Quan",
                         "Không tổ chức hoạt động trong năm 2023", "2024-06-03T02:00:00Z"),
                    step("dissolved", "18/QĐ-UBND", "2025-08-12", "UBND xã Phú Sơn",
                         "Không còn đáp ứng điều kiện hoạt động sau sắp xếp", "2025-08-13T02:00:00Z")]),
    centre(14614, P + "xã Khánh Cư", "Xóm Trung, xã Khánh Cư (cũ)",
           decision("33/QĐ-UBND", "2011-04-08", "UBND huyện Yên Khánh"),
           fac=facilities(bookcase=1, tablesAndChairs=15), entered="2023-02-10T02:00:00Z"),
]


DEMO_PASSWORD = "demo2026"
ACCOUNTS = [
    ("quantri", "Nguyễn Quản Trị", ["administrator"]),
    ("canbo", "Trần Thị Nhập Liệu", ["dataClerk"]),
    ("giamdoc", "Hoàng Văn Nam", ["centreDirector"]),
    ("chutich", "Vũ Đức Thành", ["communeLeader"]),
    ("chuyenvien", "Lê Thu Hà", ["provincialOfficer"]),
    ("xem", "Khách xem", ["viewer"]),
]
# Where the demo's director and chairman work (issue 10): the director drafts and records for the centre of xã
# Nghĩa Sơn only, the chairman of UBND xã Nghĩa Sơn approves the plans of that commune only.
SCOPES = {
    "giamdoc": {"scopeCentreCode": "TT13918"},
    "chutich": {"scopeCommune": 13918},
}


def password_hash(username, password):
    """The same format as PasswordHasher: PBKDF2-HMAC-SHA256, 210,000 rounds, a salt per account. The salt is
    derived from the username so the committed file does not change on every run."""
    salt = hashlib.sha256(("tthtcd-demo-" + username).encode()).digest()[:16]
    derived = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 210000, 32)
    return "$".join(["pbkdf2-sha256", "210000", base64.b64encode(salt).decode(), base64.b64encode(derived).decode()])


def main():
    accounts = [{"username": u, "fullName": n, "roles": r, "password": DEMO_PASSWORD,
                 "passwordHash": password_hash(u, DEMO_PASSWORD), **SCOPES.get(u, {})} for (u, n, r) in ACCOUNTS]
    doc = {"createdAt": "2023-02-10T01:00:00Z", "office": {"provinceCode": 37}, "accounts": accounts,
           "centres": CENTRES}
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

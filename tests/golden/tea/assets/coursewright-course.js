window.coursewrightCourse = {
 "course": "brewing-tea-for-a-crowd",
 "lessonDone": "read",
 "pages": {
  "course": "index.md",
  "progress": "progress.md",
  "record": "record.md"
 },
 "passMark": 80,
 "steps": [
  {
   "id": "choosing",
   "kind": "lesson",
   "lesson": "choosing",
   "page": "lessons/choosing.md",
   "questions": [],
   "title": "Choosing tea and water",
   "tracked": true
  },
  {
   "id": "choosing-check",
   "kind": "quiz",
   "lesson": "choosing",
   "page": "quizzes/choosing-check.md",
   "questions": [
    [
     "mild-or-smoky",
     "ff67505eeb"
    ],
    [
     "what-to-offer",
     "2de908cefe"
    ],
    [
     "smoky-popular",
     "782184abe9"
    ],
    [
     "late-guests-pot",
     "39c02854e7"
    ]
   ],
   "title": "Check your tea choices",
   "tracked": true
  },
  {
   "id": "serving",
   "kind": "lesson",
   "lesson": "serving",
   "page": "lessons/serving.md",
   "questions": [],
   "title": "Serving on time",
   "tracked": true
  },
  {
   "id": "late-guests",
   "kind": "scenario",
   "lesson": "serving",
   "page": "scenarios/late-guests.md",
   "questions": [
    [
     "scenario:late-guests",
     "39c02854e7"
    ]
   ],
   "title": "Late guests",
   "tracked": true
  },
  {
   "id": "strong-tea",
   "kind": "scenario",
   "lesson": null,
   "page": "scenarios/strong-tea.md",
   "questions": [
    [
     "scenario:strong-tea",
     "75c4594341"
    ]
   ],
   "title": "Tea too strong",
   "tracked": true
  }
 ],
 "words": {}
};

/** Fitment notes per category (French, Arabic). */
"use strict"

const NOTES = {
  "plaquettes-de-frein": [
    ["Sauf véhicules avec étrier ATE", "باستثناء السيارات المزودة بملقط ATE"],
    ["Avec témoin d'usure à brancher", "مع مؤشر تآكل"],
    [
      "Vérifier le système de freinage (Bosch ou TRW)",
      "تحقق من نوع نظام الفرامل",
    ],
  ],
  "disques-de-frein": [
    ["Vérifier le diamètre du disque d'origine", "تحقق من قطر القرص الأصلي"],
    ["Sauf versions sport", "باستثناء النسخ الرياضية"],
  ],
  "kits-d-embrayage": [
    ["Sauf volant bimasse", "باستثناء الحدافة ثنائية الكتلة"],
    ["Boîte manuelle 5 vitesses", "علبة سرعات يدوية 5 سرعات"],
  ],
  "filtres-habitacle": [
    ["Véhicules avec climatisation", "للسيارات المزودة بالتكييف"],
  ],
  amortisseurs: [
    ["Sauf suspension sport", "باستثناء التعليق الرياضي"],
    [
      "Vérifier la fixation inférieure (œil ou tige)",
      "تحقق من نوع التثبيت السفلي",
    ],
  ],
  radiateurs: [
    ["Véhicules avec climatisation", "للسيارات المزودة بالتكييف"],
    ["Boîte manuelle uniquement", "علبة سرعات يدوية فقط"],
  ],
  alternateurs: [
    ["Véhicules avec climatisation", "للسيارات المزودة بالتكييف"],
    ["Sauf Stop & Start", "باستثناء نظام التوقف والتشغيل"],
  ],
  "batteries-de-demarrage": [
    ["Sauf Stop & Start", "باستثناء نظام التوقف والتشغيل"],
  ],
  "kits-de-distribution": [
    [
      "Vérifier le nombre de dents de la courroie d'origine",
      "تحقق من عدد أسنان السير الأصلي",
    ],
  ],
  cardans: [
    ["Sauf ABS", "باستثناء ABS"],
    ["Boîte manuelle uniquement", "علبة سرعات يدوية فقط"],
  ],
}

module.exports = { NOTES }

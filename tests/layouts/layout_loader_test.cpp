#include "layouts/layout_set.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace budgetpdf;
namespace fs = std::filesystem;

namespace {

// A scratch layouts tree: <root>/templates (with a copy of the shared vocabulary) and <root>/maps.
fs::path scratch_tree(const std::string& name) {
    fs::path root = fs::temp_directory_path() / ("budgetpdf_layouts_" + name);
    fs::remove_all(root);
    fs::create_directories(root / "templates");
    fs::create_directories(root / "maps");
    fs::copy_file(fs::path(default_layouts_dir()) / "vocabulary.yaml", root / "templates" / "vocabulary.yaml");
    return root;
}

void write(const fs::path& path, const std::string& text) {
    std::ofstream out(path);
    out << text;
}

}  // namespace

TEST_CASE("the shipped layouts load and cover every table kind") {
    auto loaded = load_layouts(default_layouts_dir());
    REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
    const LayoutSet& set = loaded.value();
    CHECK(set.layouts.size() >= 20);
    for (const auto& kind : set.vocabulary.table_kinds) {
        bool found = false;
        for (const auto& layout : set.layouts) found = found || layout.kind == kind;
        CHECK_MESSAGE(found, "no layout for kind " << kind);
    }
    CHECK(set.func_lei.size() >= 30);
    CHECK(set.econ.size() >= 100);
    CHECK(!set.econ_gov.empty());
}

TEST_CASE("a layout file with a YAML syntax error is an invalid_layout error naming the file") {
    fs::path root = scratch_tree("syntax");
    write(root / "templates" / "broken.yaml", "layouts:\n  - id: x\n    titles: [a, b\n");
    auto loaded = load_layouts((root / "templates").string());
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().kind == ErrorKind::invalid_layout);
    CHECK(loaded.error().message.find("broken.yaml") == 0);
}

TEST_CASE("unknown keys, kinds and checks are rejected") {
    fs::path root = scratch_tree("keys");
    write(root / "templates" / "a.yaml", "layouts:\n  - id: x\n    kind: summary\n    titels: [t]\n");
    auto loaded = load_layouts((root / "templates").string());
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().message.find("titels") != std::string::npos);

    write(root / "templates" / "a.yaml", "layouts:\n  - id: x\n    kind: nonsense\n    titles: [t]\n");
    loaded = load_layouts((root / "templates").string());
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().message.find("nonsense") != std::string::npos);

    write(root / "templates" / "a.yaml", "layouts:\n  - id: x\n    kind: summary\n    titles: [t]\n    checks: [adds_up]\n");
    loaded = load_layouts((root / "templates").string());
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().message.find("adds_up") != std::string::npos);
}

TEST_CASE("maps come from the sibling maps folder; a bad map entry is reported with its file") {
    fs::path root = scratch_tree("maps");
    write(root / "templates" / "a.yaml", "layouts:\n  - id: x\n    kind: summary\n    titles: [收支总表]\n");
    write(root / "maps" / "lei.yaml", "func_lei:\n  - {code: \"201\", names: [一般公共服务支出]}\n");
    auto loaded = load_layouts((root / "templates").string());
    REQUIRE(loaded.ok());
    CHECK(func_code_for_lei_name(loaded.value(), "一、一般公共服务支出") == std::optional<std::string>("201"));

    write(root / "maps" / "lei.yaml", "func_lei:\n  - {code: \"2O1\", names: [一般公共服务支出]}\n");
    loaded = load_layouts((root / "templates").string());
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().message.find("lei.yaml") == 0);
}

TEST_CASE("a missing templates folder is an error, not an empty set") {
    auto loaded = load_layouts("/nonexistent/layouts/templates");
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().kind == ErrorKind::invalid_layout);
}

TEST_CASE("类 names map to codes in every year's wording") {
    auto loaded = load_layouts(default_layouts_dir());
    REQUIRE(loaded.ok());
    const LayoutSet& set = loaded.value();
    using opt = std::optional<std::string>;
    CHECK(func_code_for_lei_name(set, "一、一般公共服务支出") == opt("201"));
    CHECK(func_code_for_lei_name(set, "九、卫生健康支出") == opt("210"));
    CHECK(func_code_for_lei_name(set, "九、医疗卫生与计划生育支出") == opt("210"));
    CHECK(func_code_for_lei_name(set, "文化体育与传媒支出（类）") == opt("207"));
    CHECK(func_code_for_lei_name(set, "十四、资源勘探信息等支出") == opt("215"));
    CHECK(func_code_for_lei_name(set, "十七、国土海洋气象等支出") == opt("220"));
    CHECK(func_code_for_lei_name(set, "二十一、国有资本经营预算支出") == opt("223"));
    CHECK_FALSE(func_code_for_lei_name(set, "本年支出合计"));
    CHECK_FALSE(func_code_for_lei_name(set, ""));
}

TEST_CASE("经济分类 names map to 部门 codes first, 政府 codes second, 类 hint resolves repeats") {
    auto loaded = load_layouts(default_layouts_dir());
    REQUIRE(loaded.ok());
    const LayoutSet& set = loaded.value();
    using opt = std::optional<std::string>;
    CHECK(econ_code_for_name(set, "基本工资") == opt("30101"));
    CHECK(econ_code_for_name(set, "工资福利支出") == opt("301"));
    CHECK(econ_code_for_name(set, "维修（护）费") == opt("30213"));
    CHECK(econ_code_for_name(set, "住房公积金") == opt("30113"));
    CHECK(econ_code_for_name(set, "住房公积金", "303") == opt("30311"));
    CHECK(econ_code_for_name(set, "医疗费", "303") == opt("30307"));
    CHECK(econ_code_for_name(set, "办公设备购置", "310") == opt("31002"));
    CHECK(econ_code_for_name(set, "工资奖金津补贴") == opt("50101"));
    CHECK_FALSE(econ_code_for_name(set, "阳泉市商务局"));
}

TEST_CASE("an OCR label a character away from one classification name; row names the layouts know") {
    auto loaded = load_layouts(default_layouts_dir());
    REQUIRE(loaded.ok());
    const LayoutSet& set = loaded.value();
    using opt = std::optional<std::string>;
    CHECK(name_one_character_away(set, "econ", "离体费") == opt("离休费"));
    CHECK(name_one_character_away(set, "func_lei", "八、社会保障和就亚支出") == opt("社会保障和就业支出"));
    // A name itself, a name of another map, two characters off, too short to guess: nothing.
    CHECK_FALSE(name_one_character_away(set, "econ", "离休费"));
    CHECK_FALSE(name_one_character_away(set, "func_lei", "离体费"));
    CHECK_FALSE(name_one_character_away(set, "econ", "离体资"));
    CHECK_FALSE(name_one_character_away(set, "econ", "工次"));
    CHECK_FALSE(name_one_character_away(set, "", "离体费"));
    // 高休费 is as close to 离休费 as to 退休费: no guess, unless another row prints 退休费.
    CHECK_FALSE(name_one_character_away(set, "econ", "高休费"));
    CHECK(name_one_character_away(set, "econ", "高休费", {"退休费"}) == opt("离休费"));

    CHECK(is_known_row_name(set, "一般公共预算"));       // a row alias
    CHECK(is_known_row_name(set, "三、国防支出"));       // a 类 name, its ordinal aside
    CHECK(is_known_row_name(set, "离休费"));             // an 经济分类 name
    CHECK_FALSE(is_known_row_name(set, "响一般公共预算"));
    CHECK_FALSE(is_known_row_name(set, ""));
}

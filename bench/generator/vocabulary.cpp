#include "generator/vocabulary.h"

#include <array>

namespace afterglow::bench {

namespace {

using namespace std::string_view_literals;

// ---- topics -------------------------------------------------------------------------------

constexpr std::array kProgrammingEn = {"function"sv, "Python"sv, "database"sv,    "API"sv,
                                       "compiler"sv, "query"sv,  "bug"sv,         "unit test"sv,
                                       "JSON"sv,     "thread"sv, "pointer"sv,     "SQLite"sv,
                                       "Docker"sv,   "regex"sv,  "memory leak"sv, "refactoring"sv,
                                       "Rust"sv,     "lambda"sv, "TypeScript"sv,  "Kubernetes"sv};
constexpr std::array kProgrammingZh = {
    "代码"sv,     "函数"sv,     "编程"sv,   "数据库"sv, "接口"sv,       "变量"sv,
    "调试"sv,     "报错"sv,     "服务器"sv, "算法"sv,   "前端"sv,       "后端"sv,
    "内存泄漏"sv, "单元测试"sv, "重构"sv,   "并发"sv,   "正则表达式"sv, "部署"sv};
constexpr std::array kProgrammingTitlesEn = {
    "Python list comprehension help"sv, "Fix SQLite locking error"sv,
    "Docker compose setup"sv,           "Regex for email validation"sv,
    "Rust borrow checker question"sv,   "Async API error handling"sv,
    "Refactor legacy code"sv,           "Unit test for parser"sv};
constexpr std::array kProgrammingTitlesZh = {
    "Python 代码报错"sv, "数据库查询优化"sv, "接口设计建议"sv,  "正则表达式问题"sv,
    "前端性能优化"sv,    "内存泄漏排查"sv,   "学习编程的路线"sv};

constexpr std::array kCookingEn = {"recipe"sv,    "pasta"sv,     "dough"sv,     "oven"sv,
                                   "garlic"sv,    "sauce"sv,     "bread"sv,     "soup"sv,
                                   "dumpling"sv,  "anchovies"sv, "sourdough"sv, "marinade"sv,
                                   "cast iron"sv, "risotto"sv};
constexpr std::array kCookingZh = {"做饭"sv,   "菜谱"sv, "食谱"sv,    "面条"sv, "饺子"sv,
                                   "红烧肉"sv, "火候"sv, "调料"sv,    "早餐"sv, "烤箱"sv,
                                   "蒸鱼"sv,   "酱油"sv, "番茄炒蛋"sv};
constexpr std::array kCookingTitlesEn = {
    "Weeknight pasta recipe"sv, "Sourdough starter troubleshooting"sv,
    "Dinner ideas with chicken"sv, "Garlic bread recipe"sv, "Meal prep for the week"sv};
constexpr std::array kCookingTitlesZh = {"红烧肉的做法"sv, "一周早餐食谱"sv, "饺子馅怎么调"sv,
                                         "简单的晚饭菜谱"sv, "烤箱新手指南"sv};

constexpr std::array kGardenEn = {"garden"sv,   "tomato"sv,     "soil"sv,  "compost"sv,
                                  "seedling"sv, "watering"sv,   "basil"sv, "balcony"sv,
                                  "pruning"sv,  "greenhouse"sv, "mulch"sv, "succulent"sv};
constexpr std::array kGardenZh = {"花园"sv, "种植"sv, "浇水"sv, "土壤"sv, "阳台"sv, "多肉"sv,
                                  "施肥"sv, "发芽"sv, "番茄"sv, "盆栽"sv, "修剪"sv};
constexpr std::array kGardenTitlesEn = {"Balcony garden plan"sv, "Tomato leaves turning yellow"sv,
                                        "Compost basics"sv, "Garden layout ideas"sv};
constexpr std::array kGardenTitlesZh = {"阳台种菜计划"sv, "多肉浇水频率"sv, "番茄叶子发黄"sv,
                                        "花园设计思路"sv};

constexpr std::array kReadingEn = {
    "novel"sv,   "Asimov"sv,     "Foundation"sv,    "robot"sv,      "galaxy"sv,
    "empire"sv,  "Seldon"sv,     "psychohistory"sv, "Trantor"sv,    "science fiction"sv,
    "trilogy"sv, "Three Laws"sv, "Dune"sv,          "short story"sv};
constexpr std::array kReadingZh = {"科幻小说"sv, "阿西莫夫"sv, "基地"sv,         "机器人"sv,
                                   "银河帝国"sv, "心理史学"sv, "三体"sv,         "刘慈欣"sv,
                                   "读书"sv,     "小说"sv,     "机器人三定律"sv, "谢顿"sv};
constexpr std::array kReadingTitlesEn = {
    "Asimov Foundation reading order"sv, "Books like Foundation"sv,
    "Three Laws of Robotics explained"sv, "Science fiction recommendations"sv,
    "Psychohistory and real statistics"sv};
constexpr std::array kReadingTitlesZh = {"阿西莫夫基地系列阅读顺序"sv, "科幻小说推荐"sv,
                                         "三体读后感"sv, "机器人三定律讨论"sv};

constexpr std::array kWorkEn = {"deadline"sv, "manager"sv,   "burnout"sv,  "interview"sv,
                                "meeting"sv,  "promotion"sv, "resume"sv,   "salary"sv,
                                "team"sv,     "stress"sv,    "overtime"sv, "feedback"sv};
constexpr std::array kWorkZh = {"工作压力"sv, "压力"sv, "加班"sv, "面试"sv, "领导"sv,
                                "同事"sv,     "简历"sv, "跳槽"sv, "工资"sv, "职业规划"sv,
                                "焦虑"sv,     "会议"sv, "绩效"sv};
constexpr std::array kWorkTitlesEn = {"Dealing with work stress"sv, "Salary negotiation tips"sv,
                                      "Resume review"sv, "Preparing for a job interview"sv,
                                      "Burnout recovery plan"sv};
constexpr std::array kWorkTitlesZh = {"如何缓解工作压力"sv, "面试准备"sv,     "要不要跳槽"sv,
                                      "和领导沟通的技巧"sv, "职业规划建议"sv, "加班太多怎么办"sv};

constexpr std::array kStudyEn = {"exam"sv,       "vocabulary"sv, "schedule"sv, "flashcards"sv,
                                 "lecture"sv,    "thesis"sv,     "grammar"sv,  "notes"sv,
                                 "study plan"sv, "IELTS"sv,      "semester"sv};
constexpr std::array kStudyZh = {"学习计划"sv, "考试"sv,   "复习"sv,    "英语"sv,
                                 "背单词"sv,   "考研"sv,   "论文"sv,    "笔记"sv,
                                 "雅思"sv,     "专注力"sv, "时间管理"sv};
constexpr std::array kStudyTitlesEn = {"Study plan for finals"sv, "IELTS writing practice"sv,
                                       "How to take better notes"sv, "Thesis outline help"sv};
constexpr std::array kStudyTitlesZh = {"制定学习计划"sv, "考研复习安排"sv, "背单词的方法"sv,
                                       "雅思写作练习"sv, "论文提纲"sv};

constexpr std::array kDreamEn = {"dream"sv,   "sleep"sv,      "nightmare"sv, "memory"sv,
                                 "anxiety"sv, "meditation"sv, "habit"sv,     "lucid dream"sv,
                                 "journal"sv, "emotion"sv};
constexpr std::array kDreamZh = {"梦想"sv, "做梦"sv, "睡眠"sv, "失眠"sv, "情绪"sv, "冥想"sv,
                                 "焦虑"sv, "习惯"sv, "日记"sv, "心理"sv, "噩梦"sv};
constexpr std::array kDreamTitlesEn = {"What my dream might mean"sv, "Sleep routine advice"sv,
                                       "Recurring nightmare"sv, "Keeping a dream journal"sv};
constexpr std::array kDreamTitlesZh = {"梦想和现实"sv, "经常失眠怎么办"sv, "反复做同一个梦"sv,
                                       "如何管理情绪"sv};

constexpr std::array kTravelEn = {"itinerary"sv, "Kyoto"sv,  "train"sv,       "hotel"sv,
                                  "visa"sv,      "flight"sv, "luggage"sv,     "Lisbon"sv,
                                  "budget"sv,    "museum"sv, "hiking trail"sv};
constexpr std::array kTravelZh = {"旅行"sv, "行程"sv, "签证"sv, "机票"sv, "酒店"sv,
                                  "京都"sv, "高铁"sv, "攻略"sv, "景点"sv, "自驾"sv};
constexpr std::array kTravelTitlesEn = {"Five days in Kyoto"sv, "Lisbon itinerary"sv,
                                        "Packing list for hiking"sv, "Cheap flights tips"sv};
constexpr std::array kTravelTitlesZh = {"京都五日行程"sv, "签证材料清单"sv, "云南旅行攻略"sv,
                                        "自驾路线规划"sv};

constexpr std::array kFitnessEn = {"workout"sv,    "protein"sv,  "running"sv,
                                   "stretching"sv, "calories"sv, "squat"sv,
                                   "marathon"sv,   "posture"sv,  "knee pain"sv};
constexpr std::array kFitnessZh = {"健身"sv, "跑步"sv, "减肥"sv,   "饮食"sv,  "蛋白质"sv,
                                   "拉伸"sv, "体重"sv, "马拉松"sv, "膝盖疼"sv};
constexpr std::array kFitnessTitlesEn = {"Beginner workout plan"sv, "Marathon training schedule"sv,
                                         "Protein intake question"sv};
constexpr std::array kFitnessTitlesZh = {"减肥饮食计划"sv, "跑步膝盖疼"sv, "健身入门"sv};

constexpr std::array kFinanceEn = {"budget"sv, "savings"sv,       "index fund"sv,  "mortgage"sv,
                                   "tax"sv,    "interest rate"sv, "spreadsheet"sv, "retirement"sv};
constexpr std::array kFinanceZh = {"理财"sv, "预算"sv, "基金"sv, "存钱"sv,
                                   "房贷"sv, "利率"sv, "记账"sv, "退休"sv};
constexpr std::array kFinanceTitlesEn = {"Monthly budget spreadsheet"sv, "Index fund vs savings"sv,
                                         "Mortgage refinancing"sv};
constexpr std::array kFinanceTitlesZh = {"每月预算怎么做"sv, "基金定投"sv, "存钱计划"sv};

constexpr std::array kWritingEn = {"essay"sv,        "story"sv,     "paragraph"sv, "poem"sv,
                                   "outline"sv,      "character"sv, "plot"sv,      "draft"sv,
                                   "cover letter"sv, "metaphor"sv};
constexpr std::array kWritingZh = {"作文"sv, "小说"sv, "诗歌"sv, "写作"sv,  "人物"sv,
                                   "情节"sv, "开头"sv, "文案"sv, "演讲稿"sv};
constexpr std::array kWritingTitlesEn = {"Short story about a lighthouse"sv, "Cover letter draft"sv,
                                         "Poem about autumn"sv, "Essay outline"sv};
constexpr std::array kWritingTitlesZh = {"写一首关于秋天的诗"sv, "作文开头"sv, "年会演讲稿"sv,
                                         "小说人物设定"sv};

constexpr std::array kMathEn = {"integral"sv,   "probability"sv, "matrix"sv,
                                "derivative"sv, "eigenvalue"sv,  "statistics"sv,
                                "proof"sv,      "vector"sv,      "Bayes"sv};
constexpr std::array kMathZh = {"数学"sv, "概率"sv, "矩阵"sv, "积分"sv,    "导数"sv,
                                "物理"sv, "统计"sv, "证明"sv, "线性代数"sv};
constexpr std::array kMathTitlesEn = {"Eigenvalues intuition"sv, "Bayes theorem example"sv,
                                      "Integration by parts"sv};
constexpr std::array kMathTitlesZh = {"线性代数复习"sv, "概率题求解"sv, "积分怎么算"sv};

constexpr std::array kFamilyEn = {"child"sv,    "school"sv,   "bedtime story"sv, "parents"sv,
                                  "birthday"sv, "homework"sv, "toddler"sv,       "screen time"sv};
constexpr std::array kFamilyZh = {"孩子"sv, "家庭"sv,   "父母"sv, "教育"sv, "亲子"sv,
                                  "作业"sv, "幼儿园"sv, "生日"sv, "沟通"sv};
constexpr std::array kFamilyTitlesEn = {"Bedtime story about a dragon"sv, "Screen time rules"sv,
                                        "Birthday party ideas"sv};
constexpr std::array kFamilyTitlesZh = {"孩子不爱写作业"sv, "亲子沟通"sv, "生日派对准备"sv};

constexpr std::array kMusicEn = {"guitar"sv, "chord"sv, "melody"sv,   "piano"sv,
                                 "rhythm"sv, "scale"sv, "playlist"sv, "songwriting"sv};
constexpr std::array kMusicZh = {"吉他"sv, "音乐"sv, "和弦"sv, "钢琴"sv,
                                 "节奏"sv, "歌词"sv, "乐理"sv};
constexpr std::array kMusicTitlesEn = {"Guitar chord progressions"sv,
                                       "Learning piano as an adult"sv, "Songwriting prompts"sv};
constexpr std::array kMusicTitlesZh = {"吉他入门和弦"sv, "成年人学钢琴"sv, "写歌词"sv};

constexpr std::array kTopics = {
    Topic{"programming", kProgrammingEn, kProgrammingZh, kProgrammingTitlesEn, kProgrammingTitlesZh,
          true, false},
    Topic{"work", kWorkEn, kWorkZh, kWorkTitlesEn, kWorkTitlesZh, false, false},
    Topic{"study", kStudyEn, kStudyZh, kStudyTitlesEn, kStudyTitlesZh, false, false},
    Topic{"cooking", kCookingEn, kCookingZh, kCookingTitlesEn, kCookingTitlesZh, false, false},
    Topic{"writing", kWritingEn, kWritingZh, kWritingTitlesEn, kWritingTitlesZh, false, false},
    Topic{"dreams", kDreamEn, kDreamZh, kDreamTitlesEn, kDreamTitlesZh, false, false},
    Topic{"travel", kTravelEn, kTravelZh, kTravelTitlesEn, kTravelTitlesZh, false, false},
    Topic{"math", kMathEn, kMathZh, kMathTitlesEn, kMathTitlesZh, true, true},
    Topic{"fitness", kFitnessEn, kFitnessZh, kFitnessTitlesEn, kFitnessTitlesZh, false, false},
    Topic{"finance", kFinanceEn, kFinanceZh, kFinanceTitlesEn, kFinanceTitlesZh, false, false},
    Topic{"reading", kReadingEn, kReadingZh, kReadingTitlesEn, kReadingTitlesZh, false, false},
    Topic{"garden", kGardenEn, kGardenZh, kGardenTitlesEn, kGardenTitlesZh, false, false},
    Topic{"family", kFamilyEn, kFamilyZh, kFamilyTitlesEn, kFamilyTitlesZh, false, false},
    Topic{"music", kMusicEn, kMusicZh, kMusicTitlesEn, kMusicTitlesZh, false, false},
};

// ---- English ------------------------------------------------------------------------------

constexpr std::array kEnDeterminers = {"the"sv,   "a"sv,    "this"sv, "your"sv,    "each"sv,
                                       "every"sv, "that"sv, "our"sv,  "another"sv, "some"sv};
constexpr std::array kEnAdjectives = {
    "simple"sv,  "good"sv,      "important"sv,  "small"sv,     "clear"sv,    "new"sv,
    "quick"sv,   "common"sv,    "useful"sv,     "practical"sv, "better"sv,   "different"sv,
    "quiet"sv,   "steady"sv,    "careful"sv,    "realistic"sv, "flexible"sv, "reliable"sv,
    "gentle"sv,  "specific"sv,  "consistent"sv, "honest"sv,    "balanced"sv, "long"sv,
    "short"sv,   "early"sv,     "creative"sv,   "hidden"sv,    "obvious"sv,  "complex"sv,
    "healthy"sv, "efficient"sv, "curious"sv,    "patient"sv,   "bright"sv,   "ancient"sv,
    "modern"sv,  "subtle"sv,    "robust"sv,     "elegant"sv};
constexpr std::array kEnNouns = {
    "time"sv,       "way"sv,      "step"sv,     "idea"sv,     "plan"sv,      "part"sv,
    "result"sv,     "problem"sv,  "question"sv, "example"sv,  "approach"sv,  "day"sv,
    "goal"sv,       "list"sv,     "routine"sv,  "change"sv,   "method"sv,    "detail"sv,
    "habit"sv,      "week"sv,     "morning"sv,  "choice"sv,   "reason"sv,    "process"sv,
    "system"sv,     "version"sv,  "balance"sv,  "focus"sv,    "option"sv,    "feedback"sv,
    "progress"sv,   "energy"sv,   "context"sv,  "pattern"sv,  "structure"sv, "experience"sv,
    "resource"sv,   "priority"sv, "outcome"sv,  "summary"sv,  "draft"sv,     "friend"sv,
    "family"sv,     "project"sv,  "budget"sv,   "schedule"sv, "garden"sv,    "recipe"sv,
    "dream"sv,      "book"sv,     "chapter"sv,  "season"sv,   "window"sv,    "journey"sv,
    "lighthouse"sv, "compass"sv,  "river"sv,    "mountain"sv, "library"sv,   "notebook"sv,
    "kitchen"sv};
constexpr std::array kEnVerbs = {
    "improve"sv,  "keep"sv,      "make"sv,     "help"sv,     "use"sv,      "start"sv,
    "change"sv,   "build"sv,     "check"sv,    "plan"sv,     "reduce"sv,   "follow"sv,
    "try"sv,      "write"sv,     "review"sv,   "track"sv,    "support"sv,  "explain"sv,
    "compare"sv,  "adjust"sv,    "organize"sv, "simplify"sv, "measure"sv,  "protect"sv,
    "schedule"sv, "focus"sv,     "test"sv,     "balance"sv,  "prepare"sv,  "explore"sv,
    "avoid"sv,    "combine"sv,   "practice"sv, "replace"sv,  "document"sv, "prioritize"sv,
    "question"sv, "celebrate"sv, "revisit"sv,  "sketch"sv};
constexpr std::array kEnAdverbs = {"usually"sv,      "often"sv,     "gradually"sv, "carefully"sv,
                                   "quickly"sv,      "regularly"sv, "easily"sv,    "slowly"sv,
                                   "clearly"sv,      "naturally"sv, "rarely"sv,    "consistently"sv,
                                   "deliberately"sv, "quietly"sv};
constexpr std::array kEnPrepositions = {"for"sv,    "with"sv,   "in"sv,     "on"sv,
                                        "from"sv,   "about"sv,  "during"sv, "without"sv,
                                        "around"sv, "before"sv, "after"sv,  "through"sv};
constexpr std::array kEnOpeners = {"However,"sv,
                                   "In practice,"sv,
                                   "For example,"sv,
                                   "Also,"sv,
                                   "First,"sv,
                                   "Finally,"sv,
                                   "On the other hand,"sv,
                                   "Because of this,"sv,
                                   "In short,"sv,
                                   "If possible,"sv,
                                   "As a rule of thumb,"sv,
                                   "Over time,"sv,
                                   "Most importantly,"sv,
                                   "Alternatively,"sv};
constexpr std::array kEnQuestionStarts = {
    "How do I"sv,          "Can you help me"sv,          "What is the best way to"sv,
    "Is it possible to"sv, "Could you explain how to"sv, "Why does it take so long to"sv,
    "Should I"sv,          "What's a good way to"sv};

// ---- Chinese ------------------------------------------------------------------------------

constexpr std::array kZhSubjects = {"你"sv,   "我们"sv, "很多人"sv,   "这个方法"sv, "大家"sv,
                                    "自己"sv, "我"sv,   "这种情况"sv, "初学者"sv};
constexpr std::array kZhModals = {"可以"sv, "需要"sv, "应该"sv, "最好"sv,
                                  "不妨"sv, "会"sv,   "能够"sv, "一定要"sv};
constexpr std::array kZhVerbs = {"提高"sv, "安排"sv, "管理"sv, "减少"sv, "保持"sv, "理解"sv,
                                 "学习"sv, "完成"sv, "坚持"sv, "调整"sv, "尝试"sv, "分析"sv,
                                 "解决"sv, "考虑"sv, "制定"sv, "实现"sv, "改善"sv, "培养"sv,
                                 "记录"sv, "分享"sv, "整理"sv, "关注"sv, "规划"sv, "优化"sv,
                                 "检查"sv, "总结"sv, "避免"sv, "准备"sv, "练习"sv, "放松"sv};
constexpr std::array kZhNouns = {
    "时间"sv, "问题"sv, "方法"sv, "目标"sv, "生活"sv, "工作"sv, "计划"sv, "压力"sv, "习惯"sv,
    "效率"sv, "心情"sv, "梦想"sv, "朋友"sv, "家人"sv, "健康"sv, "身体"sv, "经验"sv, "能力"sv,
    "知识"sv, "建议"sv, "步骤"sv, "原因"sv, "结果"sv, "情况"sv, "环境"sv, "资源"sv, "机会"sv,
    "挑战"sv, "未来"sv, "细节"sv, "节奏"sv, "重点"sv, "思路"sv, "兴趣"sv, "动力"sv, "信心"sv,
    "成长"sv, "选择"sv, "世界"sv, "记忆"sv, "故事"sv, "花园"sv, "早晨"sv, "周末"sv};
constexpr std::array kZhAdjectives = {"重要"sv, "有效"sv, "合理"sv, "简单"sv, "具体"sv, "稳定"sv,
                                      "积极"sv, "适当"sv, "明确"sv, "长期"sv, "实际"sv, "灵活"sv,
                                      "清楚"sv, "轻松"sv, "充分"sv, "健康"sv, "必要"sv, "关键"sv};
constexpr std::array kZhConnectors = {"首先"sv,     "其次"sv,     "另外"sv, "同时"sv, "因此"sv,
                                      "但是"sv,     "所以"sv,     "例如"sv, "总之"sv, "最后"sv,
                                      "一般来说"sv, "换句话说"sv, "此外"sv, "当然"sv, "其实"sv};
constexpr std::array kZhQuestionStarts = {"怎么"sv, "如何"sv,       "能不能帮我"sv, "请帮我"sv,
                                          "我想"sv, "为什么很难"sv, "有没有办法"sv};
constexpr std::array kZhQuestionEnds = {"？"sv,       "，有什么建议？"sv, "，该怎么办？"sv,
                                        "，谢谢！"sv, "，越具体越好。"sv, "吗？"sv};

constexpr std::array kSites = {Site{"Wikipedia", "en.wikipedia.org"sv},
                               Site{"维基百科", "zh.wikipedia.org"sv},
                               Site{"Stack Overflow", "stackoverflow.com"sv},
                               Site{"GitHub", "github.com"sv},
                               Site{"Python documentation", "docs.python.org"sv},
                               Site{"知乎", "zhihu.com"sv},
                               Site{"BBC", "bbc.com"sv},
                               Site{"Serious Eats", "seriouseats.com"sv},
                               Site{"少数派", "sspai.com"sv},
                               Site{"Mayo Clinic", "mayoclinic.org"sv},
                               Site{"The Guardian", "theguardian.com"sv},
                               Site{"MDN Web Docs", "developer.mozilla.org"sv},
                               Site{"Goodreads", "goodreads.com"sv},
                               Site{"Reuters", "reuters.com"sv}};

constexpr std::array kEmoji = {"🙂"sv, "🚀"sv, "✅"sv, "📚"sv, "🌱"sv, "💡"sv, "😊"sv, "🍝"sv};

}  // namespace

std::span<const Topic> topics() { return kTopics; }

namespace english {
Words determiners() { return kEnDeterminers; }
Words adjectives() { return kEnAdjectives; }
Words nouns() { return kEnNouns; }
Words verbs() { return kEnVerbs; }
Words adverbs() { return kEnAdverbs; }
Words prepositions() { return kEnPrepositions; }
Words openers() { return kEnOpeners; }
Words question_starts() { return kEnQuestionStarts; }
}  // namespace english

namespace chinese {
Words subjects() { return kZhSubjects; }
Words modals() { return kZhModals; }
Words verbs() { return kZhVerbs; }
Words nouns() { return kZhNouns; }
Words adjectives() { return kZhAdjectives; }
Words connectors() { return kZhConnectors; }
Words question_starts() { return kZhQuestionStarts; }
Words question_ends() { return kZhQuestionEnds; }
}  // namespace chinese

std::span<const Site> cited_sites() { return kSites; }

Words emoji() { return kEmoji; }

}  // namespace afterglow::bench

export { HomePage } from "./HomePage";
export { BotSettingsPage } from "./BotSettingsPage";
export { FaqPage } from "./FaqPage";
export { ConversationsPage } from "./ConversationsPage";
export { ConversationDetailPage } from "./ConversationDetailPage";
export { HandoffsPage } from "./HandoffsPage";
export { StoresPage } from "./StoresPage";
export { OrdersAtRiskPage } from "./OrdersAtRiskPage";

/**
 * Every string the engine says, in the seven shopper languages. Placeholders: {name}.
 * Voice: short, warm, specific, honest; lead with the answer; never promise what the store has not.
 */
import type { Language } from "../protocol";

const en = {
  greeting:
    "Hi! I'm {bot}. I can track your order or answer questions about shipping and returns. What can I help with?",
  thanks: "You're welcome! Anything else I can help with?",
  ask_order_number:
    "Sure - what's your order number? It's in your order confirmation email (for example #1001).",
  ask_contact:
    "Thanks! To keep your order private, what's the email address or phone number you used for order #{n}?",
  remind_order_number: "Whenever you're ready, send me your order number.",
  remind_contact: "Whenever you're ready: what's the email or phone number on order #{n}?",
  not_found_email:
    "I couldn't find an order #{n} with that email. Please check the number and email, or talk to a person.",
  not_found_phone:
    "I couldn't find an order #{n} with that phone number. Please check the number and phone, or talk to a person.",
  not_found_recent_support: "I can't find #{n} in the last {days} days of orders - please contact {support}.",
  not_found_recent_human:
    "I can't find #{n} in the last {days} days of orders - a person from the team can look further back for you.",
  rate_limited: "I can't check more orders right now. A person from the team can help you with this one.",
  outage:
    "I can't reach the store's order system right now. Please try again in a few minutes, or I can pass your question to a person.",
  verified_next: "Anything else about this order?",
  list_intro: "Here are your most recent orders:",
  list_empty:
    "I don't see any orders on your account. If you checked out as a guest, send me the order number and the email you used.",
  list_guest:
    "I look up one order at a time: send me the order number and the email (or phone number) you used at checkout.",
  policy_intro_shipping: "From the {store} shipping policy:",
  policy_intro_returns: "From the {store} returns policy:",
  policy_none_shipping:
    "I don't have the {store} shipping policy here. A person from the team can answer that for you.",
  policy_none_returns:
    "I don't have the {store} returns policy here. A person from the team can answer that for you.",
  policy_more: "Full policy: {url}",
  fallback:
    "I can track an order, answer questions about shipping and returns, or put you in touch with a person. What would you like to do?",
  action_cancel_intro: "I can ask the team to cancel an order.",
  action_return_intro: "I can ask the team to start a return or refund.",
  action_address_intro: "I can ask the team to change a shipping address.",
  action_cancel_done:
    "I've asked the team to cancel #{n} - they'll email you at {email}; it isn't cancelled until they confirm.",
  action_return_done:
    "I've asked the team about a return or refund for #{n} - they'll email you at {email} with the next steps; nothing is refunded until they confirm.",
  action_address_done:
    "I've asked the team to change the address on #{n} - they'll email you at {email}; the address isn't changed until they confirm.",
  action_no_handoff:
    "I can't make changes to orders myself. Please contact {support} with your order number #{n}.",
  action_no_handoff_nosupport:
    "I can't make changes to orders myself. Please contact the store directly with your order number #{n}.",
  handoff_ask: "I'll pass this to the {store} team. What's your email address, and what should they know?",
  handoff_ask_message: "What should the team know? A sentence or two is plenty.",
  handoff_ask_email: "What email address should the team reply to?",
  handoff_bad_email: "That email address doesn't look right - could you check it?",
  handoff_done: "Thanks - I've passed this to the {store} team. They'll reply by email to {email}.",
  handoff_hours: "They're available {hours}.",
  handoff_disabled_support: "I can't pass messages to the team from here. Please email {support}.",
  handoff_disabled: "I can't pass messages to the team from here. Please contact the store directly.",
  tracking_disabled:
    "I can't look up orders in this chat. Your order confirmation email has a link to your order status.",
  qr_track: "Track my order",
  qr_track_another: "Track another order",
  qr_my_orders: "Show my orders",
  qr_human: "Talk to a person",
  qr_returns: "Return policy",
  qr_shipping: "Shipping policy",
  qr_try_again: "Try again",
  agent_on_it: "A person from the {store} team is on this conversation and will answer here.",
  offer_return: "Start a return for #{n}? I'll ask the team - nothing is refunded until they confirm.",
  offer_cancel: "Ask the team to cancel #{n}? It isn't cancelled until they confirm.",
  offer_address: "Ask the team to change the address on #{n}? It isn't changed until they confirm.",
  offer_declined: "No problem - I haven't asked for any change. Anything else?",
  tracking_for: "Tracking for #{n}:",
  tracking_none: "#{n} hasn't shipped yet, so there's no tracking link yet.",
  qr_yes: "Yes, please",
  qr_no: "No, thanks",
};

export type MessageKey = keyof typeof en;

const es: Record<MessageKey, string> = {
  greeting:
    "¡Hola! Soy {bot}. Puedo seguir tu pedido o responder preguntas sobre envíos y devoluciones. ¿En qué te ayudo?",
  thanks: "¡De nada! ¿Te ayudo con algo más?",
  ask_order_number:
    "Claro, ¿cuál es tu número de pedido? Está en el correo de confirmación (por ejemplo #1001).",
  ask_contact:
    "¡Gracias! Para proteger tu pedido, ¿qué correo electrónico o teléfono usaste para el pedido #{n}?",
  remind_order_number: "Cuando quieras, envíame tu número de pedido.",
  remind_contact: "Cuando quieras: ¿qué correo o teléfono tiene el pedido #{n}?",
  not_found_email:
    "No encontré un pedido #{n} con ese correo. Revisa el número y el correo, o habla con una persona.",
  not_found_phone:
    "No encontré un pedido #{n} con ese teléfono. Revisa el número y el teléfono, o habla con una persona.",
  not_found_recent_support:
    "No encuentro el #{n} en los pedidos de los últimos {days} días; escribe a {support}.",
  not_found_recent_human:
    "No encuentro el #{n} en los pedidos de los últimos {days} días; una persona del equipo puede buscar más atrás.",
  rate_limited: "Ahora mismo no puedo comprobar más pedidos. Una persona del equipo puede ayudarte con este.",
  outage:
    "Ahora mismo no puedo conectar con el sistema de pedidos de la tienda. Inténtalo de nuevo en unos minutos o paso tu consulta a una persona.",
  verified_next: "¿Algo más sobre este pedido?",
  list_intro: "Estos son tus pedidos más recientes:",
  list_empty:
    "No veo pedidos en tu cuenta. Si compraste como invitado, envíame el número de pedido y el correo que usaste.",
  list_guest:
    "Busco un pedido cada vez: envíame el número de pedido y el correo (o teléfono) que usaste al comprar.",
  policy_intro_shipping: "De la política de envíos de {store}:",
  policy_intro_returns: "De la política de devoluciones de {store}:",
  policy_none_shipping:
    "No tengo aquí la política de envíos de {store}. Una persona del equipo puede responderte.",
  policy_none_returns:
    "No tengo aquí la política de devoluciones de {store}. Una persona del equipo puede responderte.",
  policy_more: "Política completa: {url}",
  fallback:
    "Puedo seguir un pedido, responder sobre envíos y devoluciones o ponerte en contacto con una persona. ¿Qué prefieres?",
  action_cancel_intro: "Puedo pedir al equipo que cancele un pedido.",
  action_return_intro: "Puedo pedir al equipo que inicie una devolución o reembolso.",
  action_address_intro: "Puedo pedir al equipo que cambie una dirección de envío.",
  action_cancel_done:
    "He pedido al equipo que cancele el #{n}; te escribirán a {email}. No está cancelado hasta que lo confirmen.",
  action_return_done:
    "He consultado al equipo sobre una devolución o reembolso del #{n}; te escribirán a {email} con los siguientes pasos. No se reembolsa nada hasta que lo confirmen.",
  action_address_done:
    "He pedido al equipo que cambie la dirección del #{n}; te escribirán a {email}. La dirección no cambia hasta que lo confirmen.",
  action_no_handoff: "No puedo modificar pedidos. Escribe a {support} con tu número de pedido #{n}.",
  action_no_handoff_nosupport:
    "No puedo modificar pedidos. Contacta directamente con la tienda con tu número de pedido #{n}.",
  handoff_ask: "Paso tu consulta al equipo de {store}. ¿Cuál es tu correo y qué deben saber?",
  handoff_ask_message: "¿Qué debe saber el equipo? Con una o dos frases basta.",
  handoff_ask_email: "¿A qué correo debe responder el equipo?",
  handoff_bad_email: "Ese correo no parece correcto, ¿puedes revisarlo?",
  handoff_done: "Gracias, he pasado tu consulta al equipo de {store}. Te responderán por correo a {email}.",
  handoff_hours: "Atienden {hours}.",
  handoff_disabled_support: "Desde aquí no puedo pasar mensajes al equipo. Escribe a {support}.",
  handoff_disabled: "Desde aquí no puedo pasar mensajes al equipo. Contacta directamente con la tienda.",
  tracking_disabled:
    "No puedo consultar pedidos en este chat. El correo de confirmación tiene un enlace al estado de tu pedido.",
  qr_track: "Seguir mi pedido",
  qr_track_another: "Seguir otro pedido",
  qr_my_orders: "Ver mis pedidos",
  qr_human: "Hablar con una persona",
  qr_returns: "Devoluciones",
  qr_shipping: "Envíos",
  qr_try_again: "Intentar de nuevo",
  agent_on_it: "Una persona del equipo de {store} está en esta conversación y te responderá aquí.",
  offer_return:
    "¿Inicio una devolución para el #{n}? Se lo pediré al equipo; no se reembolsa nada hasta que lo confirmen.",
  offer_cancel: "¿Pido al equipo que cancele el #{n}? No está cancelado hasta que lo confirmen.",
  offer_address: "¿Pido al equipo que cambie la dirección del #{n}? No cambia hasta que lo confirmen.",
  offer_declined: "Sin problema: no he pedido ningún cambio. ¿Algo más?",
  tracking_for: "Seguimiento del #{n}:",
  tracking_none: "El #{n} aún no se ha enviado, así que todavía no hay enlace de seguimiento.",
  qr_yes: "Sí, por favor",
  qr_no: "No, gracias",
};

const fr: Record<MessageKey, string> = {
  greeting:
    "Bonjour ! Je suis {bot}. Je peux suivre votre commande ou répondre à vos questions sur la livraison et les retours. Que puis-je faire pour vous ?",
  thanks: "Avec plaisir ! Puis-je vous aider pour autre chose ?",
  ask_order_number:
    "Bien sûr - quel est votre numéro de commande ? Il figure dans l'e-mail de confirmation (par exemple #1001).",
  ask_contact:
    "Merci ! Pour protéger votre commande, quelle adresse e-mail ou quel numéro de téléphone avez-vous utilisé pour la commande #{n} ?",
  remind_order_number: "Quand vous voulez, envoyez-moi votre numéro de commande.",
  remind_contact: "Quand vous voulez : quel e-mail ou téléphone figure sur la commande #{n} ?",
  not_found_email:
    "Je n'ai pas trouvé de commande #{n} avec cet e-mail. Vérifiez le numéro et l'e-mail, ou parlez à une personne.",
  not_found_phone:
    "Je n'ai pas trouvé de commande #{n} avec ce numéro de téléphone. Vérifiez le numéro et le téléphone, ou parlez à une personne.",
  not_found_recent_support:
    "Je ne trouve pas la #{n} parmi les commandes des {days} derniers jours - veuillez contacter {support}.",
  not_found_recent_human:
    "Je ne trouve pas la #{n} parmi les commandes des {days} derniers jours - une personne de l'équipe peut chercher plus loin.",
  rate_limited:
    "Je ne peux pas vérifier d'autres commandes pour le moment. Une personne de l'équipe peut vous aider pour celle-ci.",
  outage:
    "Je n'arrive pas à joindre le système de commandes de la boutique pour le moment. Réessayez dans quelques minutes, ou je transmets votre question à une personne.",
  verified_next: "Autre chose concernant cette commande ?",
  list_intro: "Voici vos commandes les plus récentes :",
  list_empty:
    "Je ne vois aucune commande sur votre compte. Si vous avez commandé en invité, envoyez-moi le numéro de commande et l'e-mail utilisé.",
  list_guest:
    "Je recherche une commande à la fois : envoyez-moi le numéro de commande et l'e-mail (ou le téléphone) utilisé lors de l'achat.",
  policy_intro_shipping: "Extrait de la politique de livraison de {store} :",
  policy_intro_returns: "Extrait de la politique de retour de {store} :",
  policy_none_shipping:
    "Je n'ai pas la politique de livraison de {store} ici. Une personne de l'équipe peut vous répondre.",
  policy_none_returns:
    "Je n'ai pas la politique de retour de {store} ici. Une personne de l'équipe peut vous répondre.",
  policy_more: "Politique complète : {url}",
  fallback:
    "Je peux suivre une commande, répondre sur la livraison et les retours, ou vous mettre en contact avec une personne. Que souhaitez-vous ?",
  action_cancel_intro: "Je peux demander à l'équipe d'annuler une commande.",
  action_return_intro: "Je peux demander à l'équipe de lancer un retour ou un remboursement.",
  action_address_intro: "Je peux demander à l'équipe de modifier une adresse de livraison.",
  action_cancel_done:
    "J'ai demandé à l'équipe d'annuler la #{n} - elle vous écrira à {email} ; la commande n'est pas annulée tant qu'elle ne l'a pas confirmé.",
  action_return_done:
    "J'ai transmis votre demande de retour ou de remboursement pour la #{n} - l'équipe vous écrira à {email} avec la marche à suivre ; rien n'est remboursé avant sa confirmation.",
  action_address_done:
    "J'ai demandé à l'équipe de modifier l'adresse de la #{n} - elle vous écrira à {email} ; l'adresse n'est pas modifiée avant sa confirmation.",
  action_no_handoff:
    "Je ne peux pas modifier les commandes moi-même. Contactez {support} avec votre numéro de commande #{n}.",
  action_no_handoff_nosupport:
    "Je ne peux pas modifier les commandes moi-même. Contactez directement la boutique avec votre numéro de commande #{n}.",
  handoff_ask:
    "Je transmets à l'équipe de {store}. Quelle est votre adresse e-mail, et que doit-elle savoir ?",
  handoff_ask_message: "Que doit savoir l'équipe ? Une ou deux phrases suffisent.",
  handoff_ask_email: "À quelle adresse e-mail l'équipe doit-elle répondre ?",
  handoff_bad_email: "Cette adresse e-mail semble incorrecte - pouvez-vous la vérifier ?",
  handoff_done:
    "Merci - j'ai transmis votre demande à l'équipe de {store}. Elle vous répondra par e-mail à {email}.",
  handoff_hours: "Elle est disponible {hours}.",
  handoff_disabled_support: "Je ne peux pas transmettre de messages à l'équipe d'ici. Écrivez à {support}.",
  handoff_disabled:
    "Je ne peux pas transmettre de messages à l'équipe d'ici. Contactez directement la boutique.",
  tracking_disabled:
    "Je ne peux pas consulter les commandes dans ce chat. Votre e-mail de confirmation contient un lien vers le suivi de votre commande.",
  qr_track: "Suivre ma commande",
  qr_track_another: "Suivre une autre commande",
  qr_my_orders: "Mes commandes",
  qr_human: "Parler à une personne",
  qr_returns: "Retours",
  qr_shipping: "Livraison",
  qr_try_again: "Réessayer",
  agent_on_it: "Une personne de l'équipe {store} suit cette conversation et vous répondra ici.",
  offer_return:
    "Lancer un retour pour la commande #{n} ? Je le demande à l'équipe ; rien n'est remboursé avant leur confirmation.",
  offer_cancel:
    "Demander à l'équipe d'annuler la commande #{n} ? Elle n'est pas annulée avant leur confirmation.",
  offer_address:
    "Demander à l'équipe de changer l'adresse de la commande #{n} ? Elle ne change pas avant leur confirmation.",
  offer_declined: "Pas de souci - je n'ai demandé aucun changement. Autre chose ?",
  tracking_for: "Suivi de la commande #{n} :",
  tracking_none: "La commande #{n} n'est pas encore expédiée, il n'y a donc pas encore de lien de suivi.",
  qr_yes: "Oui, merci",
  qr_no: "Non merci",
};

const de: Record<MessageKey, string> = {
  greeting:
    "Hallo! Ich bin {bot}. Ich kann deine Bestellung verfolgen oder Fragen zu Versand und Rücksendungen beantworten. Wobei kann ich helfen?",
  thanks: "Gern geschehen! Kann ich sonst noch helfen?",
  ask_order_number:
    "Gern - wie lautet deine Bestellnummer? Sie steht in der Bestellbestätigung (zum Beispiel #1001).",
  ask_contact:
    "Danke! Zum Schutz deiner Bestellung: Mit welcher E-Mail-Adresse oder Telefonnummer hast du Bestellung #{n} aufgegeben?",
  remind_order_number: "Wenn du so weit bist, schick mir einfach deine Bestellnummer.",
  remind_contact: "Wenn du so weit bist: Welche E-Mail oder Telefonnummer steht in Bestellung #{n}?",
  not_found_email:
    "Ich habe keine Bestellung #{n} mit dieser E-Mail-Adresse gefunden. Bitte prüfe Nummer und E-Mail oder sprich mit einem Menschen.",
  not_found_phone:
    "Ich habe keine Bestellung #{n} mit dieser Telefonnummer gefunden. Bitte prüfe Nummer und Telefon oder sprich mit einem Menschen.",
  not_found_recent_support:
    "Ich finde #{n} nicht unter den Bestellungen der letzten {days} Tage - bitte wende dich an {support}.",
  not_found_recent_human:
    "Ich finde #{n} nicht unter den Bestellungen der letzten {days} Tage - jemand aus dem Team kann weiter zurück suchen.",
  rate_limited:
    "Ich kann gerade keine weiteren Bestellungen prüfen. Jemand aus dem Team kann dir bei dieser helfen.",
  outage:
    "Ich erreiche das Bestellsystem des Shops gerade nicht. Versuch es in ein paar Minuten noch einmal, oder ich gebe deine Frage an einen Menschen weiter.",
  verified_next: "Noch etwas zu dieser Bestellung?",
  list_intro: "Hier sind deine letzten Bestellungen:",
  list_empty:
    "Ich sehe keine Bestellungen in deinem Konto. Wenn du als Gast bestellt hast, schick mir die Bestellnummer und die verwendete E-Mail-Adresse.",
  list_guest:
    "Ich suche jeweils eine Bestellung: Schick mir die Bestellnummer und die E-Mail-Adresse (oder Telefonnummer) aus der Bestellung.",
  policy_intro_shipping: "Aus den Versandbedingungen von {store}:",
  policy_intro_returns: "Aus den Rückgabebedingungen von {store}:",
  policy_none_shipping:
    "Die Versandbedingungen von {store} habe ich hier nicht. Jemand aus dem Team kann dir das beantworten.",
  policy_none_returns:
    "Die Rückgabebedingungen von {store} habe ich hier nicht. Jemand aus dem Team kann dir das beantworten.",
  policy_more: "Vollständige Richtlinie: {url}",
  fallback:
    "Ich kann Bestellungen verfolgen, Fragen zu Versand und Rücksendungen beantworten oder dich mit einem Menschen verbinden. Was möchtest du tun?",
  action_cancel_intro: "Ich kann das Team bitten, eine Bestellung zu stornieren.",
  action_return_intro: "Ich kann das Team bitten, eine Rücksendung oder Erstattung zu starten.",
  action_address_intro: "Ich kann das Team bitten, eine Lieferadresse zu ändern.",
  action_cancel_done:
    "Ich habe das Team gebeten, #{n} zu stornieren - es meldet sich per E-Mail an {email}; storniert ist die Bestellung erst, wenn das Team es bestätigt.",
  action_return_done:
    "Ich habe deine Anfrage zu Rücksendung oder Erstattung für #{n} ans Team gegeben - es schreibt dir an {email}, wie es weitergeht; erstattet wird erst nach Bestätigung.",
  action_address_done:
    "Ich habe das Team gebeten, die Adresse von #{n} zu ändern - es meldet sich per E-Mail an {email}; geändert ist sie erst nach Bestätigung.",
  action_no_handoff:
    "Ich kann Bestellungen nicht selbst ändern. Bitte wende dich mit deiner Bestellnummer #{n} an {support}.",
  action_no_handoff_nosupport:
    "Ich kann Bestellungen nicht selbst ändern. Bitte wende dich mit deiner Bestellnummer #{n} direkt an den Shop.",
  handoff_ask:
    "Ich gebe das an das Team von {store} weiter. Wie lautet deine E-Mail-Adresse, und was sollte das Team wissen?",
  handoff_ask_message: "Was sollte das Team wissen? Ein, zwei Sätze reichen.",
  handoff_ask_email: "An welche E-Mail-Adresse soll das Team antworten?",
  handoff_bad_email: "Diese E-Mail-Adresse sieht nicht richtig aus - kannst du sie prüfen?",
  handoff_done:
    "Danke - ich habe das an das Team von {store} weitergegeben. Es antwortet dir per E-Mail an {email}.",
  handoff_hours: "Erreichbar ist es {hours}.",
  handoff_disabled_support:
    "Von hier aus kann ich keine Nachrichten ans Team weitergeben. Bitte schreib an {support}.",
  handoff_disabled:
    "Von hier aus kann ich keine Nachrichten ans Team weitergeben. Bitte wende dich direkt an den Shop.",
  tracking_disabled:
    "In diesem Chat kann ich keine Bestellungen abrufen. In deiner Bestellbestätigung findest du einen Link zum Bestellstatus.",
  qr_track: "Bestellung verfolgen",
  qr_track_another: "Andere Bestellung verfolgen",
  qr_my_orders: "Meine Bestellungen",
  qr_human: "Mit einem Menschen sprechen",
  qr_returns: "Rückgabe",
  qr_shipping: "Versand",
  qr_try_again: "Nochmal versuchen",
  agent_on_it: "Eine Person aus dem {store}-Team ist in diesem Gespräch und antwortet hier.",
  offer_return:
    "Eine Rücksendung für #{n} starten? Ich frage das Team - erstattet wird erst nach deren Bestätigung.",
  offer_cancel: "Das Team bitten, #{n} zu stornieren? Storniert ist sie erst nach deren Bestätigung.",
  offer_address:
    "Das Team bitten, die Adresse von #{n} zu ändern? Geändert ist sie erst nach deren Bestätigung.",
  offer_declined: "Kein Problem - ich habe keine Änderung angefragt. Noch etwas?",
  tracking_for: "Sendungsverfolgung für #{n}:",
  tracking_none: "#{n} ist noch nicht versandt, daher gibt es noch keinen Tracking-Link.",
  qr_yes: "Ja, bitte",
  qr_no: "Nein, danke",
};

const pt: Record<MessageKey, string> = {
  greeting:
    "Olá! Sou o {bot}. Posso acompanhar o seu pedido ou responder a perguntas sobre envio e devoluções. Como posso ajudar?",
  thanks: "De nada! Posso ajudar com mais alguma coisa?",
  ask_order_number:
    "Claro - qual é o número do seu pedido? Está no e-mail de confirmação (por exemplo #1001).",
  ask_contact: "Obrigado! Para proteger o seu pedido, qual e-mail ou telefone usou no pedido #{n}?",
  remind_order_number: "Quando quiser, envie-me o número do pedido.",
  remind_contact: "Quando quiser: qual e-mail ou telefone está no pedido #{n}?",
  not_found_email:
    "Não encontrei um pedido #{n} com esse e-mail. Verifique o número e o e-mail, ou fale com uma pessoa.",
  not_found_phone:
    "Não encontrei um pedido #{n} com esse telefone. Verifique o número e o telefone, ou fale com uma pessoa.",
  not_found_recent_support: "Não encontro o #{n} nos pedidos dos últimos {days} dias - contacte {support}.",
  not_found_recent_human:
    "Não encontro o #{n} nos pedidos dos últimos {days} dias - uma pessoa da equipa pode procurar mais atrás.",
  rate_limited:
    "Neste momento não consigo verificar mais pedidos. Uma pessoa da equipa pode ajudar com este.",
  outage:
    "Neste momento não consigo contactar o sistema de pedidos da loja. Tente novamente dentro de alguns minutos, ou passo a sua pergunta a uma pessoa.",
  verified_next: "Mais alguma coisa sobre este pedido?",
  list_intro: "Estes são os seus pedidos mais recentes:",
  list_empty:
    "Não vejo pedidos na sua conta. Se comprou como convidado, envie-me o número do pedido e o e-mail que usou.",
  list_guest:
    "Procuro um pedido de cada vez: envie-me o número do pedido e o e-mail (ou telefone) que usou na compra.",
  policy_intro_shipping: "Da política de envio da {store}:",
  policy_intro_returns: "Da política de devoluções da {store}:",
  policy_none_shipping: "Não tenho aqui a política de envio da {store}. Uma pessoa da equipa pode responder.",
  policy_none_returns:
    "Não tenho aqui a política de devoluções da {store}. Uma pessoa da equipa pode responder.",
  policy_more: "Política completa: {url}",
  fallback:
    "Posso acompanhar um pedido, responder sobre envios e devoluções, ou pô-lo em contacto com uma pessoa. O que prefere?",
  action_cancel_intro: "Posso pedir à equipa que cancele um pedido.",
  action_return_intro: "Posso pedir à equipa que inicie uma devolução ou reembolso.",
  action_address_intro: "Posso pedir à equipa que altere uma morada de envio.",
  action_cancel_done:
    "Pedi à equipa que cancele o #{n} - vão escrever-lhe para {email}; o pedido só fica cancelado quando confirmarem.",
  action_return_done:
    "Passei à equipa o seu pedido de devolução ou reembolso do #{n} - vão escrever-lhe para {email} com os próximos passos; nada é reembolsado antes da confirmação.",
  action_address_done:
    "Pedi à equipa que altere a morada do #{n} - vão escrever-lhe para {email}; a morada só muda quando confirmarem.",
  action_no_handoff: "Não consigo alterar pedidos. Contacte {support} com o número do pedido #{n}.",
  action_no_handoff_nosupport:
    "Não consigo alterar pedidos. Contacte diretamente a loja com o número do pedido #{n}.",
  handoff_ask: "Vou passar isto à equipa da {store}. Qual é o seu e-mail e o que devem saber?",
  handoff_ask_message: "O que deve a equipa saber? Uma ou duas frases chegam.",
  handoff_ask_email: "Para que e-mail deve a equipa responder?",
  handoff_bad_email: "Esse e-mail não parece correto - pode verificar?",
  handoff_done: "Obrigado - passei isto à equipa da {store}. Vão responder por e-mail para {email}.",
  handoff_hours: "Estão disponíveis {hours}.",
  handoff_disabled_support: "Daqui não consigo passar mensagens à equipa. Escreva para {support}.",
  handoff_disabled: "Daqui não consigo passar mensagens à equipa. Contacte diretamente a loja.",
  tracking_disabled:
    "Não consigo consultar pedidos neste chat. O e-mail de confirmação tem um link para o estado do pedido.",
  qr_track: "Acompanhar pedido",
  qr_track_another: "Acompanhar outro pedido",
  qr_my_orders: "Os meus pedidos",
  qr_human: "Falar com uma pessoa",
  qr_returns: "Devoluções",
  qr_shipping: "Envios",
  qr_try_again: "Tentar de novo",
  agent_on_it: "Uma pessoa da equipa {store} está nesta conversa e vai responder aqui.",
  offer_return: "Iniciar uma devolução para o #{n}? Vou pedir à equipa - nada é reembolsado até confirmarem.",
  offer_cancel: "Pedir à equipa para cancelar o #{n}? Não fica cancelado até confirmarem.",
  offer_address: "Pedir à equipa para mudar a morada do #{n}? Não muda até confirmarem.",
  offer_declined: "Sem problema - não pedi nenhuma alteração. Mais alguma coisa?",
  tracking_for: "Rastreio do #{n}:",
  tracking_none: "O #{n} ainda não foi enviado, por isso ainda não há link de rastreio.",
  qr_yes: "Sim, por favor",
  qr_no: "Não, obrigado",
};

const it: Record<MessageKey, string> = {
  greeting:
    "Ciao! Sono {bot}. Posso seguire il tuo ordine o rispondere a domande su spedizioni e resi. Come posso aiutarti?",
  thanks: "Prego! Posso aiutarti con qualcos'altro?",
  ask_order_number:
    "Certo - qual è il numero dell'ordine? Lo trovi nell'email di conferma (ad esempio #1001).",
  ask_contact:
    "Grazie! Per proteggere il tuo ordine, quale email o numero di telefono hai usato per l'ordine #{n}?",
  remind_order_number: "Quando vuoi, mandami il numero dell'ordine.",
  remind_contact: "Quando vuoi: quale email o telefono c'è sull'ordine #{n}?",
  not_found_email:
    "Non ho trovato un ordine #{n} con questa email. Controlla numero ed email, oppure parla con una persona.",
  not_found_phone:
    "Non ho trovato un ordine #{n} con questo numero di telefono. Controlla numero e telefono, oppure parla con una persona.",
  not_found_recent_support:
    "Non trovo il #{n} tra gli ordini degli ultimi {days} giorni - contatta {support}.",
  not_found_recent_human:
    "Non trovo il #{n} tra gli ordini degli ultimi {days} giorni - una persona del team può cercare più indietro.",
  rate_limited:
    "Al momento non posso controllare altri ordini. Una persona del team può aiutarti con questo.",
  outage:
    "Al momento non riesco a raggiungere il sistema ordini del negozio. Riprova tra qualche minuto, oppure passo la tua domanda a una persona.",
  verified_next: "Altro su questo ordine?",
  list_intro: "Ecco i tuoi ordini più recenti:",
  list_empty:
    "Non vedo ordini nel tuo account. Se hai acquistato come ospite, mandami il numero dell'ordine e l'email che hai usato.",
  list_guest:
    "Cerco un ordine alla volta: mandami il numero dell'ordine e l'email (o il telefono) usati all'acquisto.",
  policy_intro_shipping: "Dalla politica di spedizione di {store}:",
  policy_intro_returns: "Dalla politica di reso di {store}:",
  policy_none_shipping:
    "Non ho qui la politica di spedizione di {store}. Una persona del team può risponderti.",
  policy_none_returns: "Non ho qui la politica di reso di {store}. Una persona del team può risponderti.",
  policy_more: "Politica completa: {url}",
  fallback:
    "Posso seguire un ordine, rispondere su spedizioni e resi, o metterti in contatto con una persona. Cosa preferisci?",
  action_cancel_intro: "Posso chiedere al team di annullare un ordine.",
  action_return_intro: "Posso chiedere al team di avviare un reso o un rimborso.",
  action_address_intro: "Posso chiedere al team di cambiare un indirizzo di spedizione.",
  action_cancel_done:
    "Ho chiesto al team di annullare il #{n} - ti scriverà a {email}; l'ordine non è annullato finché non lo conferma.",
  action_return_done:
    "Ho passato al team la tua richiesta di reso o rimborso per il #{n} - ti scriverà a {email} con i prossimi passi; nulla viene rimborsato prima della conferma.",
  action_address_done:
    "Ho chiesto al team di cambiare l'indirizzo del #{n} - ti scriverà a {email}; l'indirizzo non cambia finché non lo conferma.",
  action_no_handoff: "Non posso modificare gli ordini. Contatta {support} con il numero d'ordine #{n}.",
  action_no_handoff_nosupport:
    "Non posso modificare gli ordini. Contatta direttamente il negozio con il numero d'ordine #{n}.",
  handoff_ask: "Passo la richiesta al team di {store}. Qual è la tua email e cosa devono sapere?",
  handoff_ask_message: "Cosa deve sapere il team? Bastano una o due frasi.",
  handoff_ask_email: "A quale email deve rispondere il team?",
  handoff_bad_email: "Questa email non sembra corretta - puoi controllarla?",
  handoff_done: "Grazie - ho passato la richiesta al team di {store}. Ti risponderà via email a {email}.",
  handoff_hours: "È disponibile {hours}.",
  handoff_disabled_support: "Da qui non posso passare messaggi al team. Scrivi a {support}.",
  handoff_disabled: "Da qui non posso passare messaggi al team. Contatta direttamente il negozio.",
  tracking_disabled:
    "Non posso consultare gli ordini in questa chat. L'email di conferma contiene un link allo stato dell'ordine.",
  qr_track: "Segui il mio ordine",
  qr_track_another: "Segui un altro ordine",
  qr_my_orders: "I miei ordini",
  qr_human: "Parla con una persona",
  qr_returns: "Resi",
  qr_shipping: "Spedizioni",
  qr_try_again: "Riprova",
  agent_on_it: "Una persona del team {store} segue questa conversazione e ti risponderà qui.",
  offer_return: "Avvio un reso per il #{n}? Lo chiedo al team: nulla viene rimborsato finché non confermano.",
  offer_cancel: "Chiedo al team di annullare il #{n}? Non è annullato finché non confermano.",
  offer_address: "Chiedo al team di cambiare l'indirizzo del #{n}? Non cambia finché non confermano.",
  offer_declined: "Nessun problema: non ho chiesto alcuna modifica. Altro?",
  tracking_for: "Tracciamento del #{n}:",
  tracking_none: "Il #{n} non è ancora stato spedito, quindi non c'è ancora un link di tracciamento.",
  qr_yes: "Sì, grazie",
  qr_no: "No, grazie",
};

const nl: Record<MessageKey, string> = {
  greeting:
    "Hoi! Ik ben {bot}. Ik kan je bestelling volgen of vragen over verzending en retour beantwoorden. Waarmee kan ik helpen?",
  thanks: "Graag gedaan! Kan ik nog ergens mee helpen?",
  ask_order_number:
    "Natuurlijk - wat is je bestelnummer? Het staat in je bevestigingsmail (bijvoorbeeld #1001).",
  ask_contact:
    "Dank je! Om je bestelling te beschermen: welk e-mailadres of telefoonnummer heb je gebruikt voor bestelling #{n}?",
  remind_order_number: "Stuur me je bestelnummer wanneer je zover bent.",
  remind_contact: "Wanneer je zover bent: welk e-mailadres of telefoonnummer staat op bestelling #{n}?",
  not_found_email:
    "Ik kon geen bestelling #{n} met dat e-mailadres vinden. Controleer het nummer en het e-mailadres, of praat met een medewerker.",
  not_found_phone:
    "Ik kon geen bestelling #{n} met dat telefoonnummer vinden. Controleer het nummer en de telefoon, of praat met een medewerker.",
  not_found_recent_support:
    "Ik kan #{n} niet vinden in de bestellingen van de afgelopen {days} dagen - neem contact op met {support}.",
  not_found_recent_human:
    "Ik kan #{n} niet vinden in de bestellingen van de afgelopen {days} dagen - een medewerker kan verder terugzoeken.",
  rate_limited: "Ik kan nu geen bestellingen meer controleren. Een medewerker kan je hiermee helpen.",
  outage:
    "Ik kan het bestelsysteem van de winkel nu niet bereiken. Probeer het over een paar minuten opnieuw, of ik geef je vraag door aan een medewerker.",
  verified_next: "Nog iets over deze bestelling?",
  list_intro: "Dit zijn je meest recente bestellingen:",
  list_empty:
    "Ik zie geen bestellingen op je account. Heb je als gast besteld? Stuur me dan het bestelnummer en het e-mailadres dat je gebruikte.",
  list_guest:
    "Ik zoek één bestelling tegelijk op: stuur me het bestelnummer en het e-mailadres (of telefoonnummer) van de bestelling.",
  policy_intro_shipping: "Uit het verzendbeleid van {store}:",
  policy_intro_returns: "Uit het retourbeleid van {store}:",
  policy_none_shipping:
    "Ik heb het verzendbeleid van {store} hier niet. Een medewerker kan je dat vertellen.",
  policy_none_returns: "Ik heb het retourbeleid van {store} hier niet. Een medewerker kan je dat vertellen.",
  policy_more: "Volledig beleid: {url}",
  fallback:
    "Ik kan een bestelling volgen, vragen over verzending en retour beantwoorden, of je in contact brengen met een medewerker. Wat wil je doen?",
  action_cancel_intro: "Ik kan het team vragen een bestelling te annuleren.",
  action_return_intro: "Ik kan het team vragen een retour of terugbetaling te starten.",
  action_address_intro: "Ik kan het team vragen een verzendadres te wijzigen.",
  action_cancel_done:
    "Ik heb het team gevraagd #{n} te annuleren - ze mailen je op {email}; de bestelling is pas geannuleerd als zij dat bevestigen.",
  action_return_done:
    "Ik heb je vraag over retour of terugbetaling voor #{n} aan het team doorgegeven - ze mailen je op {email} met de volgende stappen; er wordt pas terugbetaald na hun bevestiging.",
  action_address_done:
    "Ik heb het team gevraagd het adres van #{n} te wijzigen - ze mailen je op {email}; het adres is pas gewijzigd als zij dat bevestigen.",
  action_no_handoff:
    "Ik kan bestellingen zelf niet wijzigen. Neem contact op met {support} en vermeld bestelnummer #{n}.",
  action_no_handoff_nosupport:
    "Ik kan bestellingen zelf niet wijzigen. Neem direct contact op met de winkel en vermeld bestelnummer #{n}.",
  handoff_ask: "Ik geef dit door aan het team van {store}. Wat is je e-mailadres, en wat moeten ze weten?",
  handoff_ask_message: "Wat moet het team weten? Een of twee zinnen is genoeg.",
  handoff_ask_email: "Naar welk e-mailadres moet het team antwoorden?",
  handoff_bad_email: "Dat e-mailadres lijkt niet te kloppen - wil je het controleren?",
  handoff_done:
    "Dank je - ik heb dit doorgegeven aan het team van {store}. Ze antwoorden per e-mail op {email}.",
  handoff_hours: "Ze zijn bereikbaar {hours}.",
  handoff_disabled_support: "Ik kan vanaf hier geen berichten aan het team doorgeven. Mail naar {support}.",
  handoff_disabled:
    "Ik kan vanaf hier geen berichten aan het team doorgeven. Neem direct contact op met de winkel.",
  tracking_disabled:
    "Ik kan in deze chat geen bestellingen opzoeken. In je bevestigingsmail staat een link naar de status van je bestelling.",
  qr_track: "Mijn bestelling volgen",
  qr_track_another: "Andere bestelling volgen",
  qr_my_orders: "Mijn bestellingen",
  qr_human: "Praten met een medewerker",
  qr_returns: "Retourbeleid",
  qr_shipping: "Verzending",
  qr_try_again: "Opnieuw proberen",
  agent_on_it: "Iemand van het {store}-team zit in dit gesprek en antwoordt hier.",
  offer_return:
    "Een retour starten voor #{n}? Ik vraag het aan het team - er wordt niets terugbetaald voordat zij het bevestigen.",
  offer_cancel: "Het team vragen #{n} te annuleren? Het is pas geannuleerd als zij het bevestigen.",
  offer_address:
    "Het team vragen het adres van #{n} te wijzigen? Het is pas gewijzigd als zij het bevestigen.",
  offer_declined: "Geen probleem - ik heb geen wijziging aangevraagd. Nog iets anders?",
  tracking_for: "Track & trace voor #{n}:",
  tracking_none: "#{n} is nog niet verzonden, dus er is nog geen trackinglink.",
  qr_yes: "Ja, graag",
  qr_no: "Nee, bedankt",
};

export const MESSAGES: Record<Language, Record<MessageKey, string>> = { en, es, fr, de, pt, it, nl };

export function t(lang: Language, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const template = MESSAGES[lang]?.[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

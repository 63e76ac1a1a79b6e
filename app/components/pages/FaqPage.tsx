import { useEffect, useState } from "react";
import { useFetcher } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  Collapsible,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import type {
  FaqData,
  FaqEntryData,
  FaqTestResult,
  FieldErrors,
  UnansweredQuestionData,
} from "../../dashboard/types";
import { LANGUAGE_LABELS } from "../../dashboard/settings-schema";
import { CsrfInput, PLATFORM_LABEL, useResultToast, useShell } from "../shell";
import { TitledCard, fieldErrors } from "./parts";

type FaqResult = {
  ok: boolean;
  message?: string;
  errors?: FieldErrors;
  intent?: string;
  test?: FaqTestResult;
  entryId?: string;
};

function EntryForm({
  entry,
  languages,
  onDone,
  initialQuestion,
}: {
  entry?: FaqEntryData;
  languages: string[];
  onDone?: () => void;
  /** a new entry's question, prefilled (from "Questions the bot could not answer") */
  initialQuestion?: string;
}) {
  const fetcher = useFetcher<FaqResult>({ key: entry ? `faq-${entry.id}` : "faq-new" });
  const [question, setQuestion] = useState(entry?.question ?? initialQuestion ?? "");
  const [answer, setAnswer] = useState(entry?.answer ?? "");
  const [enabled, setEnabled] = useState(entry?.enabled ?? true);
  const [tr, setTr] = useState<Record<string, { question: string; answer: string }>>(
    entry?.translations ?? {},
  );
  const others = languages.filter((l) => l !== "en");
  const [showTr, setShowTr] = useState(Object.keys(entry?.translations ?? {}).length > 0);
  const errors = fieldErrors(fetcher.data);
  const busy = fetcher.state !== "idle";
  useResultToast(fetcher.data);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) {
      if (!entry) {
        setQuestion("");
        setAnswer("");
        setTr({});
      }
      onDone?.();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data]);
  const setT = (lang: string, k: "question" | "answer") => (val: string) =>
    setTr((prev) => ({
      ...prev,
      [lang]: { question: prev[lang]?.question ?? "", answer: prev[lang]?.answer ?? "", [k]: val },
    }));

  return (
    <fetcher.Form method="post" noValidate>
      <CsrfInput />
      <input type="hidden" name="intent" value={entry ? "update" : "create"} />
      {entry ? <input type="hidden" name="id" value={entry.id} /> : null}
      <input type="hidden" name="enabled" value={enabled ? "true" : "false"} />
      <FormLayout>
        <TextField
          label="Question"
          name="question"
          value={question}
          onChange={setQuestion}
          autoComplete="off"
          error={errors.question}
          placeholder="Do you ship to Canada?"
        />
        <TextField
          label="Answer"
          name="answer"
          value={answer}
          onChange={setAnswer}
          autoComplete="off"
          multiline={3}
          error={errors.answer}
        />
        <Checkbox label="Bot uses this answer" checked={enabled} onChange={setEnabled} />
        {others.length ? (
          <BlockStack gap="200">
            <InlineStack>
              <Button
                variant="plain"
                onClick={() => setShowTr((s) => !s)}
                ariaExpanded={showTr}
                ariaControls={`tr-${entry?.id ?? "new"}`}
              >
                {showTr
                  ? "Hide translations"
                  : `Translations (${others.map((l) => LANGUAGE_LABELS[l as keyof typeof LANGUAGE_LABELS] ?? l).join(", ")})`}
              </Button>
            </InlineStack>
            <Collapsible id={`tr-${entry?.id ?? "new"}`} open={showTr}>
              <BlockStack gap="300">
                {others.map((lang) => (
                  <FormLayout.Group key={lang}>
                    <TextField
                      label={`Question (${LANGUAGE_LABELS[lang as keyof typeof LANGUAGE_LABELS] ?? lang})`}
                      name={`tr.${lang}.question`}
                      value={tr[lang]?.question ?? ""}
                      onChange={setT(lang, "question")}
                      autoComplete="off"
                      error={errors[`tr.${lang}.question`]}
                    />
                    <TextField
                      label={`Answer (${LANGUAGE_LABELS[lang as keyof typeof LANGUAGE_LABELS] ?? lang})`}
                      name={`tr.${lang}.answer`}
                      value={tr[lang]?.answer ?? ""}
                      onChange={setT(lang, "answer")}
                      autoComplete="off"
                      multiline={2}
                      error={errors[`tr.${lang}.answer`]}
                    />
                  </FormLayout.Group>
                ))}
              </BlockStack>
            </Collapsible>
          </BlockStack>
        ) : (
          <Text as="p" variant="bodySm" tone="subdued">
            Turn on more languages in Bot settings to add translations.
          </Text>
        )}
        <InlineStack gap="200">
          <Button submit variant="primary" loading={busy}>
            {entry ? "Save entry" : "Add entry"}
          </Button>
          {entry && onDone ? <Button onClick={onDone}>Cancel</Button> : null}
        </InlineStack>
      </FormLayout>
    </fetcher.Form>
  );
}

function EntryCard({ entry, languages }: { entry: FaqEntryData; languages: string[] }) {
  const [editing, setEditing] = useState(false);
  const del = useFetcher<FaqResult>({ key: `faq-del-${entry.id}` });
  useResultToast(del.data);
  const translated = Object.keys(entry.translations);
  return (
    <Card>
      {editing ? (
        <EntryForm entry={entry} languages={languages} onDone={() => setEditing(false)} />
      ) : (
        <BlockStack gap="200">
          <InlineStack align="space-between" blockAlign="start" gap="200" wrap={false}>
            <Text as="h3" variant="headingSm">
              {entry.question}
            </Text>
            <InlineStack gap="100">
              {!entry.enabled ? <Badge>Off</Badge> : null}
              {translated.map((l) => (
                <Badge key={l} tone="info">
                  {l.toUpperCase()}
                </Badge>
              ))}
            </InlineStack>
          </InlineStack>
          <Text as="p">{entry.answer}</Text>
          <InlineStack gap="200">
            <Button onClick={() => setEditing(true)} accessibilityLabel={`Edit “${entry.question}”`}>
              Edit
            </Button>
            <del.Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="delete" />
              <input type="hidden" name="id" value={entry.id} />
              <Button
                submit
                tone="critical"
                variant="secondary"
                loading={del.state !== "idle"}
                accessibilityLabel={`Delete “${entry.question}”`}
              >
                Delete
              </Button>
            </del.Form>
          </InlineStack>
        </BlockStack>
      )}
    </Card>
  );
}

function TestQuestion() {
  const fetcher = useFetcher<FaqResult>({ key: "faq-test" });
  const [text, setText] = useState("");
  const t = fetcher.data?.test;
  const errors = fieldErrors(fetcher.data);
  return (
    <TitledCard title="Test a question">
      <fetcher.Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="test" />
        <FormLayout>
          <TextField
            label="What a shopper might ask"
            name="text"
            value={text}
            onChange={setText}
            autoComplete="off"
            error={errors.text}
            placeholder="¿Hacen envíos a Canadá?"
          />
          <Button submit loading={fetcher.state !== "idle"}>
            Test
          </Button>
        </FormLayout>
      </fetcher.Form>
      {t ? (
        <Box padding="300" background="bg-surface-secondary" borderRadius="200">
          <BlockStack gap="200">
            <InlineStack gap="200">
              <Badge tone="info">{`Intent: ${t.intent}`}</Badge>
              <Badge>{`Language: ${t.language}`}</Badge>
              <Badge>{`Confidence: ${Math.round(t.confidence * 100)}%`}</Badge>
            </InlineStack>
            {t.wouldAsk ? (
              <Text as="p" variant="bodySm">
                {`Not sure enough to answer: the bot asks whether the shopper means ${t.wouldAsk[0]} or ${t.wouldAsk[1]}.`}
              </Text>
            ) : null}
            {t.entities.orderNumber || t.entities.email || t.entities.phone ? (
              <Text as="p" variant="bodySm">
                Found:{" "}
                {[
                  t.entities.orderNumber && `order ${t.entities.orderNumber}`,
                  t.entities.email && `email ${t.entities.email}`,
                  t.entities.phone && `phone ${t.entities.phone}`,
                ]
                  .filter(Boolean)
                  .join(", ")}
              </Text>
            ) : null}
            {t.match ? (
              <BlockStack gap="100">
                <Text as="p" fontWeight="semibold">
                  {t.match.answered
                    ? "The bot answers with:"
                    : "Closest entry (not close enough to be used):"}{" "}
                  {t.match.question}
                </Text>
                <Text as="p" tone={t.match.answered ? undefined : "subdued"}>
                  {t.match.answer}
                </Text>
                <Text as="p" variant="bodySm" tone="subdued">
                  Match score {Math.round(t.match.score * 100)}% (answers from 50%)
                </Text>
              </BlockStack>
            ) : (
              <Text as="p" tone="subdued">
                No FAQ entry matches this question.
              </Text>
            )}
          </BlockStack>
        </Box>
      ) : null}
    </TitledCard>
  );
}

function Unanswered({
  questions,
  onAdd,
}: {
  questions: UnansweredQuestionData[];
  onAdd: (text: string) => void;
}) {
  return (
    <TitledCard title="Questions the bot could not answer">
      {questions.length === 0 ? (
        <Text as="p" tone="subdued">
          None yet. When shoppers ask something your FAQ does not cover, the question shows up here.
        </Text>
      ) : (
        <BlockStack gap="200" as="ul">
          {questions.map((q) => (
            <InlineStack key={q.id} as="li" align="space-between" blockAlign="center" gap="200">
              <BlockStack gap="050">
                <Text as="p">{q.text}</Text>
                <Text as="p" variant="bodySm" tone="subdued">
                  {`${q.language.toUpperCase()} · ${q.createdAt.slice(0, 10)}`}
                </Text>
              </BlockStack>
              <Button onClick={() => onAdd(q.text)} accessibilityLabel={`Add an FAQ entry for “${q.text}”`}>
                Add an FAQ entry
              </Button>
            </InlineStack>
          ))}
        </BlockStack>
      )}
    </TitledCard>
  );
}

export function FaqPage({ data }: { data: FaqData }) {
  const { embedded } = useShell();
  // "Add an FAQ entry" on an unanswered question: a fresh form with that question filled in
  const [prefill, setPrefill] = useState({ text: "", n: 0 });
  const addFor = (text: string) => {
    setPrefill((p) => ({ text, n: p.n + 1 }));
    if (typeof document !== "undefined")
      document.getElementById("faq-new-entry")?.scrollIntoView({ behavior: "smooth", block: "start" });
  };
  return (
    <Page
      title={embedded ? undefined : "FAQ"}
      subtitle={`${data.store.name} (${PLATFORM_LABEL[data.store.platform]}): answers the bot gives to common questions, in every language you serve`}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {data.entries.length === 0 ? (
              <TitledCard title="No FAQ entries yet" gap="200">
                <Text as="p">
                  Add the questions shoppers ask most — the bot answers them instantly, day and night.
                </Text>
              </TitledCard>
            ) : (
              data.entries.map((e) => (
                <EntryCard key={`${e.id}-${e.updatedAt}`} entry={e} languages={data.languages} />
              ))
            )}
            <div id="faq-new-entry">
              <TitledCard title="Add an entry">
                <EntryForm key={prefill.n} languages={data.languages} initialQuestion={prefill.text} />
              </TitledCard>
            </div>
            <Unanswered questions={data.unanswered ?? []} onAdd={addFor} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <TestQuestion />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
